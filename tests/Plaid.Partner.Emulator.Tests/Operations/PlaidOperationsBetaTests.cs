using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>
    /// /beta/partner/customer/v1/create (seed 003) driven through <c>client.Beta.CreateEndCustomerAsync</c> over loopback:
    /// GA create's rules and lifecycle, plus <c>requirements_due</c> (its contents are in Operations/RequirementsDueTests).
    /// </summary>
    public class PlaidOperationsBetaTests
    {
        private const string BetaCreatePath = "/beta/partner/customer/v1/create";

        [Test]
        public async Task Beta_create_stores_an_under_review_customer_that_get_finds_and_enable_activates()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();

            var created = await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Complete());

            var endCustomer = BetaCreateRequests.EndCustomer(created);
            var id = (string)endCustomer["client_id"]!;
            var got = (await client.GetEndCustomerAsync(id)).EndCustomer!;
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            var enabled = await client.EnableEndCustomerAsync(id);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(id, Has.Length.EqualTo(24));
                Assert.That((string?)endCustomer["status"], Is.EqualTo("UNDER_REVIEW"));
                Assert.That(created.RequestId, Has.Length.EqualTo(15));
                Assert.That(got.CompanyName, Is.EqualTo("Acme"));
                Assert.That(got.Status, Is.EqualTo(PartnerEndCustomerStatus.UnderReview));
                Assert.That(enabled.ProductionSecret, Is.EqualTo((string?)endCustomer["secrets"]!["production"]));
                Assert.That((await client.GetEndCustomerAsync(id)).EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That((await emulator.GetCustomersAsync()).Select(c => c.ClientId), Is.EqualTo(new[] { id }));
            });
        }

        [Test]
        public async Task The_answer_fits_the_bundled_contract()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var answer = await RawPlaid.PostAsync(emulator, BetaCreatePath, BetaCreateRequests.Json(BetaCreateRequests.Minimal()).ToString());

            var errors = (await ContractSchemas.ResponseAsync(BetaCreatePath)).Validate(answer.Text);
            Assert.Multiple(() =>
            {
                Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
                Assert.That(errors, Is.Empty);
                Assert.That(answer.Json["requirements_due"], Is.InstanceOf<JArray>());
            });
        }

        [Test]
        public async Task A_beta_and_a_ga_customer_share_the_application_name_rule()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var ga = CreateRequests.Valid();
            await client.CreateEndCustomerAsync(ga);
            var beta = BetaCreateRequests.Complete();
            beta.ApplicationName = ga.ApplicationName.ToUpperInvariant();

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => client.Beta.CreateEndCustomerAsync(beta));

            Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerAlreadyCreated));
        }

        [Test]
        public async Task Sandbox_answers_the_sample_with_the_requests_requirements_and_stores_nothing()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });
            var client = emulator.CreateClient();

            var sample = await client.Beta.CreateEndCustomerSandboxSampleAsync(BetaCreateRequests.Minimal(Products.CraBaseReport));

            var endCustomer = BetaCreateRequests.EndCustomer(sample.Response);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(sample.IsSample, Is.True);
                Assert.That((string?)endCustomer["client_id"], Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That((string?)endCustomer["status"], Is.EqualTo("ACTIVE"));
                Assert.That(BetaCreateRequests.Due(sample.Response), Does.Contain("questionnaires.cra.purposes").And.Contain("legal_entity_name"));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
                var missing = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361"));
                Assert.That(missing!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
            });
        }

        [Test]
        public async Task A_production_client_is_refused_before_sending_to_a_sandbox_emulator()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });

            Assert.ThrowsAsync<PlaidProductionOnlyException>(() => emulator.CreateClient().Beta.CreateEndCustomerAsync(BetaCreateRequests.Complete()));
        }

        [Test]
        public async Task Wrong_keys_get_invalid_api_keys()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var answer = await RawPlaid.PostAsync(emulator, BetaCreatePath, BetaCreateRequests.Json(BetaCreateRequests.Complete()).ToString(), secret: "wrong");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(answer.Status, Is.EqualTo(400));
                Assert.That((string?)answer.Json["error_code"], Is.EqualTo("INVALID_API_KEYS"));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
            });
        }

        public record InvalidBodyCase(string What, Action<JObject> Change, string ErrorCode, string Field)
        {
            public override string ToString() => What;
        }

        private static readonly InvalidBodyCase[] InvalidBodies =
        {
            new("customer_support_info is missing", b => b.Remove("customer_support_info"), "MISSING_FIELDS", "customer_support_info"),
            new("address is missing", b => b.Remove("address"), "MISSING_FIELDS", "address"),
            new("a CRA answer is a string", b => b["questionnaires"]!["cra"]!["is_third_party_involved"] = "no", "INVALID_FIELD", "questionnaires.cra.is_third_party_involved"),
            new("use_cases is not an array", b => b["questionnaires"]!["cra"]!["purposes"]!["RISK_ASSESSMENT"]!["use_cases"] = "use-case-a", "INVALID_FIELD", "questionnaires.cra.purposes.RISK_ASSESSMENT.use_cases"),
            new("a product is unknown", b => b["products"] = new JArray("auth", "teleportation"), "INVALID_FIELD", "products[1]"),
            new("customer_accepted is a string", b => b["bank_addendum_acceptance"]!["customer_accepted"] = "yes", "INVALID_FIELD", "bank_addendum_acceptance.customer_accepted"),
            new("a permissible purpose is unknown", b => b["questionnaires"]!["cra"]!["purposes"]!["MARKETING"] = new JObject(), "UNKNOWN_FIELDS", "questionnaires.cra.purposes.MARKETING"),
            new("GA's assets_under_management is sent", b => b["assets_under_management"] = new JObject { ["amount"] = 1, ["iso_currency_code"] = "USD" }, "UNKNOWN_FIELDS", "assets_under_management"),
            new("the secret is in the body", b => b["secret"] = "do-not-echo", "UNKNOWN_FIELDS", "secret"),
        };

        [TestCaseSource(nameof(InvalidBodies))]
        public async Task A_body_that_breaks_the_contract_is_an_invalid_request_naming_the_field(InvalidBodyCase @case)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var body = BetaCreateRequests.Json(BetaCreateRequests.Complete());
            @case.Change(body);

            var answer = await RawPlaid.PostAsync(emulator, BetaCreatePath, body.ToString());

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(answer.Status, Is.EqualTo(400));
                Assert.That((string?)answer.Json["error_type"], Is.EqualTo("INVALID_REQUEST"));
                Assert.That((string?)answer.Json["error_code"], Is.EqualTo(@case.ErrorCode));
                Assert.That((string?)answer.Json["error_message"], Does.Contain(@case.Field).And.Not.Contain("do-not-echo"));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
            });
        }

        public record PartnerErrorCase(string Code, int Status, string How, Action<EmulatorPartnerSettings> Partner, Action<BetaPartnerCustomerV1CreateRequest> Change)
        {
            public override string ToString() => $"{Code} when {How}";
        }

        private static readonly PartnerErrorCase[] PartnerErrors =
        {
            new("FLOWDOWN_NOT_COMPLETE", 412, "Partner.FlowdownComplete is false", p => p.FlowdownComplete = false, _ => { }),
            new("QUESTIONNAIRE_NOT_COMPLETE", 412, "Partner.QuestionnaireComplete is false", p => p.QuestionnaireComplete = false, _ => { }),
            new("CONTACT_REQUIRED", 400, "Partner.ContactsOnFile is false and the request has no contact", p => p.ContactsOnFile = false, _ => { }),
            new("LOGO_REQUIRED", 400, "create_link_customization is true without a logo", _ => { }, r => r.CreateLinkCustomization = true),
            new("INVALID_LOGO", 400, "the logo is a 512x512 PNG", _ => { }, r => r.Logo = PngHeader.Base64(512, 512)),
        };

        [TestCaseSource(nameof(PartnerErrors))]
        public async Task Create_partner_errors_apply_to_beta_create(PartnerErrorCase @case)
        {
            var options = new PlaidPartnerEmulatorOptions();
            @case.Partner(options.Partner);
            await using var emulator = await PlaidPartnerEmulator.StartAsync(options);
            var request = BetaCreateRequests.Complete();
            @case.Change(request);

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClient().Beta.CreateEndCustomerAsync(request));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(@case.Status));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.PartnerError));
                Assert.That(refused.ErrorCode, Is.EqualTo(@case.Code));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
            });
        }

        [Test]
        public async Task A_monthly_service_commitment_does_not_refuse_beta_create_which_cannot_carry_assets_under_management()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Partner = new EmulatorPartnerSettings { MonthlyServiceCommitment = true } });
            var client = emulator.CreateClient();

            var gaRefused = Assert.ThrowsAsync<PlaidApiException>(() => client.CreateEndCustomerAsync(CreateRequests.Valid()));
            var beta = await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Complete());

            Assert.Multiple(() =>
            {
                Assert.That(gaRefused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.AssetsUnderManagementRequired));
                Assert.That(BetaCreateRequests.EndCustomer(beta)["client_id"], Is.Not.Null);
            });
        }
    }
}
