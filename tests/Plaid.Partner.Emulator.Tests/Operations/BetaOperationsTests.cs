using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>
    /// The beta onboarding operations (Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update,
    /// /enable) driven through <c>client.Beta</c> over loopback: the stateful loop, its refusals, the contract, and
    /// Sandbox's samples. What is due for which fields is in Operations/RequirementsDueTests.
    /// </summary>
    public class BetaOperationsTests
    {
        private const string CreatePath = "/beta/partner/customer/v1/create";
        private const string GetPath = "/beta/partner/customer/v1/get";
        private const string UpdatePath = "/beta/partner/customer/v1/update";
        private const string EnablePath = "/beta/partner/customer/v1/enable";

        [Test]
        public async Task The_whole_loop_create_partial_update_until_nothing_is_due_then_enable()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var request = BetaCreateRequests.Minimal(Products.Auth, Products.CraBaseReport);
            request.IsDiligenceAttested = true;

            var created = (await beta.CreateEndCustomerAsync(request)).EndCustomer!;
            var id = created.ClientId!;
            var got = (await beta.GetEndCustomerAsync(id)).EndCustomer!;
            var named = (await beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = id, LegalEntityName = "Acme, Inc." })).EndCustomer!;
            var completed = (await beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest
            {
                EndCustomerClientId = id,
                BankAddendumAcceptance = BetaCreateRequests.BankAddendum(),
                Questionnaires = BetaCreateRequests.CraQuestionnaire(),
            })).EndCustomer!;
            var enabled = await beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id));
            var after = (await beta.GetEndCustomerAsync(id)).EndCustomer!;

            var customers = await emulator.GetCustomersAsync();
            Assert.Multiple(() =>
            {
                Assert.That(created.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(BetaCreateRequests.Due(created), Is.EqualTo(new[] { "legal_entity_name", "bank_addendum_acceptance", "questionnaires.cra" }));
                Assert.That(created.ProductStatuses, Is.EquivalentTo(Statuses(("auth", "MORE_INFORMATION_NEEDED"), ("cra_base_report", "MORE_INFORMATION_NEEDED"))));
                Assert.That(created.Secrets!.Production, Has.Length.EqualTo(30));

                Assert.That(got.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(BetaCreateRequests.Due(got), Is.EqualTo(BetaCreateRequests.Due(created)));
                Assert.That(got.CompanyName, Is.EqualTo("Acme"));

                Assert.That(BetaCreateRequests.Due(named), Is.EqualTo(new[] { "bank_addendum_acceptance", "questionnaires.cra" }));
                Assert.That(named.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));

                Assert.That(completed.RequirementsDue, Is.Null, "nothing due: left out, as in Plaid's update example");
                Assert.That(completed.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
                Assert.That(completed.ProductStatuses, Is.EquivalentTo(Statuses(("auth", "PENDING_ENABLEMENT"), ("cra_base_report", "PENDING_ENABLEMENT"))));

                Assert.That(enabled.EndCustomerClientId, Is.EqualTo(id));
                Assert.That(enabled.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(enabled.ProductStatuses, Is.EquivalentTo(Statuses(("auth", "ACTIVE"), ("cra_base_report", "ACTIVE"))));
                Assert.That(enabled.ProductionSecret, Is.EqualTo(created.Secrets.Production));
                Assert.That(after.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));

                Assert.That(customers.Single().StatusHistory, Is.EqualTo(new[] { "MORE_INFORMATION_NEEDED", "PENDING_ENABLEMENT", "ACTIVE" }));
                Assert.That(customers.Single().OAuthStatuses.Values, Has.All.EqualTo("PROCESSING"), "enablement starts OAuth registration, as GA enable does");
            });
        }

        [Test]
        public async Task Enable_is_refused_while_anything_is_due()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var id = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal())).EndCustomer!.ClientId!;

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id)));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(412));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.PartnerError));
                Assert.That(refused.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotReadyForEnablement));
            });
            await Assert.ThatAsync(async () => (await beta.GetEndCustomerAsync(id)).EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
        }

        [Test]
        public async Task Enable_turns_on_the_products_named_and_the_rest_later()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var id = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Complete(Products.Auth, Products.CraBaseReport))).EndCustomer!.ClientId!;

            var first = await beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id, Products.Auth));
            var second = await beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id, Products.CraBaseReport, Products.Auth));
            var again = Assert.ThrowsAsync<PlaidApiException>(() => beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id)));

            Assert.Multiple(() =>
            {
                Assert.That(first.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(first.ProductStatuses, Is.EquivalentTo(Statuses(("auth", "ACTIVE"), ("cra_base_report", "PENDING_ENABLEMENT"))), "as in Plaid's enable example");
                Assert.That(second.ProductStatuses, Is.EquivalentTo(Statuses(("auth", "ACTIVE"), ("cra_base_report", "ACTIVE"))));
                Assert.That(second.ProductionSecret, Is.EqualTo(first.ProductionSecret));
                Assert.That(again!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerAlreadyEnabled));
                Assert.That((int)again.StatusCode, Is.EqualTo(400));
            });
        }

        [Test]
        public async Task Enabling_a_product_the_customer_was_not_created_for_is_an_invalid_field()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var id = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Complete(Products.Auth))).EndCustomer!.ClientId!;

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id, Products.Auth, Products.Transfer)));

            Assert.Multiple(() =>
            {
                Assert.That(refused!.ErrorType, Is.EqualTo(PlaidErrorType.InvalidRequest));
                Assert.That(refused.ErrorCode, Is.EqualTo("INVALID_FIELD"));
                Assert.That(refused.ErrorMessage, Does.Contain("products[1]"));
            });
            await Assert.ThatAsync(async () => (await beta.GetEndCustomerAsync(id)).EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement),
                "nothing was enabled");
        }

        [Test]
        public async Task No_products_means_the_resellers_which_enable_turns_on_together()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var request = BetaCreateRequests.Complete();
            request.Products = null;
            var created = (await beta.CreateEndCustomerAsync(request)).EndCustomer!;

            var enabled = await beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(created.ClientId!));

            Assert.Multiple(() =>
            {
                Assert.That(created.ProductStatuses!.Keys, Is.EqualTo(new[] { "auth", "identity", "transactions" }));
                Assert.That(enabled.ProductStatuses!.Values, Has.All.EqualTo(PartnerEndCustomerStatus.Active));
            });
        }

        [Test]
        public async Task Update_merges_member_by_member_and_a_withdrawn_detail_is_due_again()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var request = BetaCreateRequests.Complete(Products.CraBaseReport);
            request.Questionnaires!.Cra!.IsThirdPartyInvolved = null;
            var id = (await beta.CreateEndCustomerAsync(request)).EndCustomer!.ClientId!;

            // Only the missing answer: the purposes and the other answer sent at create stay.
            var answered = (await beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest
            {
                EndCustomerClientId = id,
                Questionnaires = new PartnerEndCustomerQuestionnaires { Cra = new PartnerEndCustomerCRAQuestionnaire { IsThirdPartyInvolved = true } },
            })).EndCustomer!;
            var withdrawn = (await beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest
            {
                EndCustomerClientId = id,
                BankAddendumAcceptance = new PartnerEndCustomerBankAddendumAcceptance { CustomerAccepted = false },
            })).EndCustomer!;

            Assert.Multiple(() =>
            {
                Assert.That(answered.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
                Assert.That(answered.RequirementsDue, Is.Null);
                Assert.That(withdrawn.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(BetaCreateRequests.Due(withdrawn), Is.EqualTo(new[] { "bank_addendum_acceptance" }));
                Assert.That(withdrawn.ProductStatuses, Is.EquivalentTo(Statuses(("cra_base_report", "MORE_INFORMATION_NEEDED"))));
            });
        }

        [Test]
        public async Task An_active_customer_stays_active_through_updates()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var id = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Complete())).EndCustomer!.ClientId!;
            await beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id));

            var updated = (await beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = id, RedirectUris = new[] { "https://acme.example/oauth" } })).EndCustomer!;

            Assert.That(updated.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
        }

        [Test]
        public async Task Unknown_removed_and_ga_created_ids_are_customer_not_found()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var gaId = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            var removedId = (await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal())).EndCustomer!.ClientId!;
            await client.RemoveEndCustomerAsync(removedId);

            foreach (var id in new[] { "634758733ebb4f00134b85ea", removedId, gaId })
            {
                var calls = new Func<Task>[]
                {
                    () => client.Beta.GetEndCustomerAsync(id),
                    () => client.Beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = id, LegalEntityName = "Acme" }),
                    () => client.Beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id)),
                };
                foreach (var call in calls)
                {
                    var refused = Assert.ThrowsAsync<PlaidApiException>(() => call(), id);
                    Assert.Multiple(() =>
                    {
                        Assert.That((int)refused!.StatusCode, Is.EqualTo(404));
                        Assert.That(refused.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
                    });
                }
            }
        }

        [Test]
        public async Task The_ga_operations_see_beta_customers_and_ga_enable_needs_nothing_due()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var due = (await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal())).EndCustomer!.ClientId!;
            var ready = (await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Complete(Products.Auth, Products.Identity))).EndCustomer!.ClientId!;

            var gaGet = (await client.GetEndCustomerAsync(due)).EndCustomer!;
            var refused = Assert.ThrowsAsync<PlaidApiException>(() => client.EnableEndCustomerAsync(due));
            var enabled = await client.EnableEndCustomerAsync(ready);
            var afterGaEnable = (await client.Beta.GetEndCustomerAsync(ready)).EndCustomer!;

            Assert.Multiple(() =>
            {
                Assert.That(gaGet.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotReadyForEnablement));
                Assert.That(enabled.ProductionSecret, Has.Length.EqualTo(30));
                Assert.That(afterGaEnable.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(afterGaEnable.ProductStatuses!.Values, Has.All.EqualTo(PartnerEndCustomerStatus.Active), "GA enable turns on every product");
            });
        }

        [Test]
        public async Task The_review_control_cannot_skip_the_requirements()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var due = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal())).EndCustomer!.ClientId!;
            var ready = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Complete())).EndCustomer!.ClientId!;

            var skip = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SetCustomerStatusAsync(due, PartnerEndCustomerStatus.PendingEnablement));
            var back = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SetCustomerStatusAsync(ready, PartnerEndCustomerStatus.MoreInformationNeeded));

            Assert.Multiple(() =>
            {
                Assert.That(skip!.Message, Does.Contain("409"));
                Assert.That(back!.Message, Does.Contain("409"));
            });
        }

        [Test]
        public async Task Enable_needs_the_partners_flowdown_like_ga_enable()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var beta = emulator.CreateClient().Beta;
            var id = (await beta.CreateEndCustomerAsync(BetaCreateRequests.Complete())).EndCustomer!.ClientId!;
            await emulator.SetPartnerSettingsAsync(new EmulatorPartnerSettings { FlowdownComplete = false });

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => beta.EnableEndCustomerAsync(BetaCreateRequests.Enable(id)));

            Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.FlowdownNotComplete));
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

        private static readonly string[] Paths = { CreatePath, GetPath, UpdatePath, EnablePath };

        [TestCaseSource(nameof(Paths))]
        public async Task Each_answer_and_refusal_fits_the_bundled_contract(string path)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var ready = (await emulator.CreateClient().Beta.CreateEndCustomerAsync(BetaCreateRequests.Complete(Products.Auth, Products.CraBaseReport))).EndCustomer!.ClientId!;
            var body = path switch
            {
                CreatePath => BetaCreateRequests.Json(BetaCreateRequests.Minimal(Products.CraBaseReport)),
                UpdatePath => new JObject { ["end_customer_client_id"] = ready, ["legal_entity_name"] = "Acme, Inc." },
                EnablePath => new JObject { ["end_customer_client_id"] = ready, ["products"] = new JArray("auth") },
                _ => new JObject { ["end_customer_client_id"] = ready },
            };
            var refusedBody = path == CreatePath ? body : new JObject { ["end_customer_client_id"] = "nope" };

            var success = await RawPlaid.PostAsync(emulator, path, body.ToString());
            var refused = await RawPlaid.PostAsync(emulator, path, refusedBody.ToString()); // create: the same application name again

            var successSchema = await ContractSchemas.ResponseAsync(path);
            var errorSchema = await ContractSchemas.ResponseAsync(path, "default");
            Assert.Multiple(() =>
            {
                Assert.That(success.Status, Is.EqualTo(200), success.Text);
                Assert.That(successSchema.Validate(success.Text), Is.Empty, success.Text);
                Assert.That(success.Json["request_id"]!.ToString(), Has.Length.EqualTo(15));
                Assert.That(refused.Status, Is.EqualTo(path == CreatePath ? 400 : 404), refused.Text);
                Assert.That(errorSchema.Validate(refused.Text), Is.Empty, refused.Text);
            });
        }

        public record InvalidBodyCase(string What, string Path, Func<JObject> Body, string ErrorCode, string Field)
        {
            public override string ToString() => What;
        }

        private static JObject Create() => BetaCreateRequests.Json(BetaCreateRequests.Complete());

        private static JObject With(JObject body, Action<JObject> change)
        {
            change(body);
            return body;
        }

        private static readonly InvalidBodyCase[] InvalidBodies =
        {
            new("create: customer_support_info is missing", CreatePath, () => With(Create(), b => b.Remove("customer_support_info")), "MISSING_FIELDS", "customer_support_info"),
            new("create: address is missing", CreatePath, () => With(Create(), b => b.Remove("address")), "MISSING_FIELDS", "address"),
            new("create: a CRA answer is a string", CreatePath, () => With(Create(), b => b["questionnaires"]!["cra"]!["is_third_party_involved"] = "no"), "INVALID_FIELD",
                "questionnaires.cra.is_third_party_involved"),
            new("create: use_cases is not an array", CreatePath, () => With(Create(), b => b["questionnaires"]!["cra"]!["purposes"]!["RISK_ASSESSMENT"]!["use_cases"] = "CREDIT_UNDERWRITING"),
                "INVALID_FIELD", "questionnaires.cra.purposes.RISK_ASSESSMENT.use_cases"),
            new("create: a use case is unknown", CreatePath,
                () => With(Create(), b => b["questionnaires"]!["cra"]!["purposes"]!["RISK_ASSESSMENT"]!["use_cases"] = new JArray("CREDIT_UNDERWRITING", "ASTROLOGY")), "INVALID_FIELD",
                "questionnaires.cra.purposes.RISK_ASSESSMENT.use_cases[1]"),
            new("create: a product is unknown", CreatePath, () => With(Create(), b => b["products"] = new JArray("auth", "teleportation")), "INVALID_FIELD", "products[1]"),
            new("create: customer_accepted is a string", CreatePath, () => With(Create(), b => b["bank_addendum_acceptance"]!["customer_accepted"] = "yes"), "INVALID_FIELD",
                "bank_addendum_acceptance.customer_accepted"),
            new("create: the agreement time is not a date-time", CreatePath, () => With(Create(), b => b["bank_addendum_acceptance"]!["customer_agreement_timestamp"] = "yesterday"), "INVALID_FIELD",
                "bank_addendum_acceptance.customer_agreement_timestamp"),
            new("create: a permissible purpose is unknown", CreatePath, () => With(Create(), b => b["questionnaires"]!["cra"]!["purposes"]!["MARKETING"] = new JObject()), "UNKNOWN_FIELDS",
                "questionnaires.cra.purposes.MARKETING"),
            new("create: GA's assets_under_management is sent", CreatePath, () => With(Create(), b => b["assets_under_management"] = new JObject { ["amount"] = 1, ["iso_currency_code"] = "USD" }),
                "UNKNOWN_FIELDS", "assets_under_management"),
            new("create: the secret is in the body", CreatePath, () => With(Create(), b => b["secret"] = "do-not-echo"), "UNKNOWN_FIELDS", "secret"),
            new("get: no end_customer_client_id", GetPath, () => new JObject(), "MISSING_FIELDS", "end_customer_client_id"),
            new("get: the client_id is in the body", GetPath, () => new JObject { ["end_customer_client_id"] = "x", ["client_id"] = "do-not-echo" }, "UNKNOWN_FIELDS", "client_id"),
            new("update: no end_customer_client_id", UpdatePath, () => new JObject { ["legal_entity_name"] = "Acme" }, "MISSING_FIELDS", "end_customer_client_id"),
            new("update: a create-only field is sent", UpdatePath, () => new JObject { ["end_customer_client_id"] = "x", ["is_diligence_attested"] = true }, "UNKNOWN_FIELDS", "is_diligence_attested"),
            new("update: redirect_uris is a string", UpdatePath, () => new JObject { ["end_customer_client_id"] = "x", ["redirect_uris"] = "https://acme.example" }, "INVALID_FIELD", "redirect_uris"),
            new("enable: no end_customer_client_id", EnablePath, () => new JObject { ["products"] = new JArray("auth") }, "MISSING_FIELDS", "end_customer_client_id"),
            new("enable: a product is unknown", EnablePath, () => new JObject { ["end_customer_client_id"] = "x", ["products"] = new JArray("teleportation") }, "INVALID_FIELD", "products[0]"),
        };

        [TestCaseSource(nameof(InvalidBodies))]
        public async Task A_body_that_breaks_the_contract_is_an_invalid_request_naming_the_field(InvalidBodyCase @case)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var answer = await RawPlaid.PostAsync(emulator, @case.Path, @case.Body().ToString());

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
                Assert.That(beta.EndCustomer!.ClientId, Is.Not.Null);
            });
        }

        [Test]
        public async Task Wrong_keys_get_invalid_api_keys_on_every_beta_path()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            foreach (var path in Paths)
            {
                var answer = await RawPlaid.PostAsync(emulator, path, BetaCreateRequests.Json(BetaCreateRequests.Complete()).ToString(), secret: "wrong");

                Assert.Multiple(() =>
                {
                    Assert.That(answer.Status, Is.EqualTo(400), path);
                    Assert.That((string?)answer.Json["error_code"], Is.EqualTo("INVALID_API_KEYS"), path);
                });
            }

            await Assert.ThatAsync(async () => await emulator.GetCustomersAsync(), Is.Empty);
        }

        [Test]
        public async Task Sandbox_answers_plaids_examples_and_stores_nothing()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });
            var client = emulator.CreateClient();

            var sample = await client.Beta.CreateEndCustomerSandboxSampleAsync(BetaCreateRequests.Complete());
            var got = (await client.Beta.GetEndCustomerAsync("anything")).EndCustomer!;
            var updated = await RawPlaid.PostAsync(emulator, UpdatePath, """{"end_customer_client_id":"anything","legal_entity_name":"Acme"}""");
            var enabled = await RawPlaid.PostAsync(emulator, EnablePath, """{"end_customer_client_id":"anything"}""");

            var endCustomer = sample.Response.EndCustomer!;
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(sample.IsSample, Is.True);
                Assert.That(endCustomer.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(endCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(BetaCreateRequests.Due(endCustomer), Is.EqualTo(new[] { "is_diligence_attested", "bank_addendum_acceptance", "questionnaires.cra" }));
                Assert.That(endCustomer.Secrets!.Production, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(got.ClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That((string?)updated.Json["end_customer"]!["status"], Is.EqualTo("PENDING_ENABLEMENT"));
                Assert.That((string?)enabled.Json["product_statuses"]!["auth"], Is.EqualTo("ACTIVE"));
                Assert.That((string?)enabled.Json["production_secret"], Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
            });
        }

        [Test]
        public async Task A_sandbox_client_is_refused_update_and_enable_before_sending()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });
            var beta = emulator.CreateClient().Beta;

            Assert.Multiple(() =>
            {
                Assert.ThrowsAsync<PlaidProductionOnlyException>(() => beta.CreateEndCustomerAsync(BetaCreateRequests.Complete()));
                Assert.ThrowsAsync<PlaidProductionOnlyException>(() => beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = "x" }));
                Assert.ThrowsAsync<PlaidProductionOnlyException>(() => beta.EnableEndCustomerAsync(BetaCreateRequests.Enable("x")));
            });
        }

        private static Dictionary<string, PartnerEndCustomerStatus> Statuses(params (string Product, string Status)[] statuses) =>
            statuses.ToDictionary(s => s.Product, s => new PartnerEndCustomerStatus(s.Status));
    }
}
