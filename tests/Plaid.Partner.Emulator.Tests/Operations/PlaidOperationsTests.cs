using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>Every operation of the contract, driven through PlaidPartnerClient over loopback HTTP.</summary>
    public class PlaidOperationsTests
    {
        [Test]
        public async Task Create_returns_an_under_review_customer_with_both_secrets()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var created = await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid());

            var customer = created.EndCustomer!;
            Assert.Multiple(() =>
            {
                Assert.That(customer.ClientId, Has.Length.EqualTo(24));
                Assert.That(customer.CompanyName, Is.EqualTo("Acme"));
                Assert.That(customer.Status, Is.EqualTo(PartnerEndCustomerStatus.UnderReview));
                Assert.That(customer.Secrets!.Sandbox, Has.Length.EqualTo(30));
                Assert.That(customer.Secrets.Production, Has.Length.EqualTo(30).And.Not.EqualTo(customer.Secrets.Sandbox));
                Assert.That(created.RequestId, Has.Length.EqualTo(15));
            });
        }

        [Test]
        public async Task Get_returns_the_customer_and_its_current_status()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);

            var got = await client.GetEndCustomerAsync(id);

            Assert.Multiple(() =>
            {
                Assert.That(got.EndCustomer!.ClientId, Is.EqualTo(id));
                Assert.That(got.EndCustomer.CompanyName, Is.EqualTo("Acme"));
                Assert.That(got.EndCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
            });
        }

        [Test]
        public async Task Enable_makes_a_pending_customer_active_and_returns_its_production_secret()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var created = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!;
            await emulator.SetCustomerStatusAsync(created.ClientId!, PartnerEndCustomerStatus.PendingEnablement);

            var enabled = await client.EnableEndCustomerAsync(created.ClientId!);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(enabled.ProductionSecret, Is.EqualTo(created.Secrets!.Production));
                Assert.That((await client.GetEndCustomerAsync(created.ClientId!)).EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
            });
        }

        [Test]
        public async Task OAuth_institutions_are_not_started_before_enablement_and_processing_after()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var before = await client.GetEndCustomerOAuthInstitutionsAsync(id);
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            await client.EnableEndCustomerAsync(id);
            var after = await client.GetEndCustomerOAuthInstitutionsAsync(id);

            var institutions = before.Institutions!;
            Assert.Multiple(() =>
            {
                Assert.That(before.FlowdownStatus, Is.EqualTo(PartnerEndCustomerFlowdownStatus.Complete));
                Assert.That(before.QuestionnaireStatus, Is.EqualTo(PartnerEndCustomerQuestionnaireStatus.Complete));
                Assert.That(institutions.Select(i => i.InstitutionId), Is.EqualTo(new[] { "ins_56", "ins_128026", "ins_1" }));
                Assert.That(institutions.Select(i => i.Name), Is.EqualTo(new[] { "Chase", "Capital One", "Bank of America" }));
                Assert.That(institutions.Select(i => i.Environments!.Production), Has.All.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.NotStarted));
                Assert.That(after.Institutions!.Select(i => i.Environments!.Production), Has.All.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing));
            });
        }

        [Test]
        public async Task Approved_and_attention_required_institutions_carry_a_date_and_an_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(
                new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(new System.DateTimeOffset(2025, 3, 4, 5, 6, 7, System.TimeSpan.Zero)) });
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.SetOAuthStatusAsync(id, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, "Application name is taken");

            var institutions = (await client.GetEndCustomerOAuthInstitutionsAsync(id)).Institutions!.ToDictionary(i => i.InstitutionId!);

            Assert.Multiple(() =>
            {
                Assert.That(institutions["ins_56"].Environments!.Production, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
                Assert.That(institutions["ins_56"].ProductionEnablementDate, Is.EqualTo("2025-03-04"));
                Assert.That(institutions["ins_56"].Errors, Is.Null);
                Assert.That(institutions["ins_1"].Environments!.Production, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired));
                Assert.That(institutions["ins_1"].ProductionEnablementDate, Is.Null);
                Assert.That(institutions["ins_1"].Errors?.Select(e => e?.ErrorCode), Is.EqualTo(new[] { "OAUTH_REGISTRATION_ERROR" }));
                Assert.That(institutions["ins_1"].Errors?.Select(e => e?.ErrorMessage), Is.EqualTo(new[] { "Application name is taken" }));
            });
        }

        [Test]
        public async Task Remove_takes_a_customer_away_so_get_no_longer_finds_it()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var removed = await client.RemoveEndCustomerAsync(id);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(removed.RequestId, Has.Length.EqualTo(15));
                var missing = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync(id));
                Assert.That(missing!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
                Assert.That((await emulator.GetCustomersAsync()).Single().Removed, Is.True);
            });
        }

        [Test]
        public async Task A_removed_customers_application_name_can_be_used_again()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var request = CreateRequests.Valid();
            var first = (await client.CreateEndCustomerAsync(request)).EndCustomer!.ClientId!;
            await client.RemoveEndCustomerAsync(first);

            var second = (await client.CreateEndCustomerAsync(request)).EndCustomer!.ClientId!;

            Assert.That(second, Is.Not.EqualTo(first));
        }

        [Test]
        public async Task The_webhook_verification_key_is_an_es256_p256_jwk_with_created_at_and_no_expiry()
        {
            var clock = new FakeTimeProvider(System.DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = clock });
            var kid = emulator.WebhookKeyId;

            var key = (await emulator.CreateClient().GetWebhookVerificationKeyAsync(kid)).Key!;

            Assert.Multiple(() =>
            {
                Assert.That(key.Alg, Is.EqualTo("ES256"));
                Assert.That(key.Crv, Is.EqualTo("P-256"));
                Assert.That(key.Kty, Is.EqualTo("EC"));
                Assert.That(key.Use, Is.EqualTo("sig"));
                Assert.That(key.Kid, Is.EqualTo(kid));
                Assert.That(System.Guid.TryParse(kid, out _), Is.True);
                Assert.That(key.X, Does.Match("^[A-Za-z0-9_-]{43}$"));
                Assert.That(key.Y, Does.Match("^[A-Za-z0-9_-]{43}$"));
                Assert.That(key.CreatedAt, Is.EqualTo(1_700_000_000));
                Assert.That(key.ExpiredAt, Is.Null);
            });
        }

        [Test]
        public async Task An_unknown_key_id_gets_invalid_webhook_verification_key_id()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClient().GetWebhookVerificationKeyAsync("bfbd5111-8e33-4643-8ced-b2e642a72f3c"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(400));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.InvalidInput));
                Assert.That(refused.ErrorCode, Is.EqualTo("INVALID_WEBHOOK_VERIFICATION_KEY_ID"));
            });
        }

        [Test]
        public async Task Every_answer_has_a_fresh_request_id()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var ids = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                ids.Add((await client.GetEndCustomerAsync(id)).RequestId!);
                ids.Add(Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("unknown"))!.RequestId!);
            }

            Assert.That(ids, Is.Unique.And.All.Match("^[A-Za-z0-9]{15}$"));
        }

        private static readonly string[] Paths =
        {
            "/partner/customer/create", "/partner/customer/get", "/partner/customer/oauth_institutions/get",
            "/partner/customer/enable", "/partner/customer/remove", "/webhook_verification_key/get",
        };

        [TestCaseSource(nameof(Paths))]
        public async Task Each_operations_success_and_error_bodies_fit_the_contract(string path)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.SetOAuthStatusAsync(await CreatePendingAsync(emulator), "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired);
            var id = (await emulator.GetCustomersAsync()).Single().ClientId;
            var body = path switch
            {
                "/partner/customer/create" => CreateRequests.ValidJson(),
                "/webhook_verification_key/get" => new JObject { ["key_id"] = emulator.WebhookKeyId },
                _ => new JObject { ["end_customer_client_id"] = id },
            };
            var errorBody = path == "/webhook_verification_key/get" ? new JObject { ["key_id"] = "nope" } : new JObject { ["end_customer_client_id"] = "nope" };

            var success = await RawPlaid.PostAsync(emulator, path, body.ToString());
            var error = path == "/partner/customer/create"
                ? await RawPlaid.PostAsync(emulator, path, body.ToString()) // same application name again
                : await RawPlaid.PostAsync(emulator, path, errorBody.ToString());

            var successSchema = await ContractSchemas.ResponseAsync(path);
            var errorSchema = await ContractSchemas.ResponseAsync(path, "default");
            Assert.Multiple(() =>
            {
                Assert.That(success.Status, Is.EqualTo(200), success.Text);
                Assert.That(success.MediaType, Is.EqualTo("application/json"));
                Assert.That(successSchema.Validate(success.Text), Is.Empty, success.Text);
                Assert.That(success.Json["request_id"]?.Type, Is.EqualTo(JTokenType.String));
                Assert.That(error.Status, Is.AnyOf(400, 404), error.Text);
                Assert.That(errorSchema.Validate(error.Text), Is.Empty, error.Text);
                Assert.That(error.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "error_type", "error_code", "error_message", "display_message", "request_id" }));
            });
        }

        private static async Task<string> CreatePendingAsync(PlaidPartnerEmulator emulator)
        {
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            return id;
        }
    }
}
