using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests
{
    public class PlaidPartnerBetaClientTests
    {
        private const string Path = PlaidOperations.BetaCreatePath;

        [Test]
        public async Task Create_posts_every_documented_field_in_snake_case_under_the_cra_purpose_names()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            await plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate());

            var body = JsonConvert.DeserializeObject<JObject>(captured.Body!, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
            var cra = body["questionnaires"]!["cra"]!;
            Assert.Multiple(() =>
            {
                Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("https://production.plaid.com/beta/partner/customer/v1/create"));
                Assert.That(body.Properties().Select(p => p.Name), Is.EquivalentTo(new[]
                {
                    "company_name", "is_diligence_attested", "products", "create_link_customization", "legal_entity_name", "website",
                    "application_name", "technical_contact", "billing_contact", "customer_support_info", "address",
                    "bank_addendum_acceptance", "questionnaires", "redirect_uris",
                }));
                Assert.That((bool?)cra["is_third_party_involved"], Is.False);
                Assert.That((bool?)cra["is_technical_service_provider_involved"], Is.True);
                Assert.That(((JObject)cra["purposes"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "EMPLOYMENT", "RISK_ASSESSMENT" }));
                Assert.That(cra["purposes"]!["RISK_ASSESSMENT"]!["use_cases"]!.Select(u => (string?)u), Is.EqualTo(new[] { "BANK_ACCOUNT_OPENING", "IDENTITY_VERIFICATION_FRAUD_PREVENTION" }));
                Assert.That((bool?)body["bank_addendum_acceptance"]!["customer_accepted"], Is.True);
                Assert.That((string?)body["bank_addendum_acceptance"]!["customer_agreement_timestamp"], Is.EqualTo("2024-05-01T12:00:00+00:00"), "an ISO 8601 date-time");
                Assert.That((string?)body["bank_addendum_acceptance"]!["customer_ip_address"], Is.EqualTo("203.0.113.7"));
                Assert.That(body["products"]!.Select(p => (string?)p), Is.EqualTo(new[] { "cra_base_report" }));
            });
        }

        [Test]
        public async Task Plaids_create_example_deserializes_into_the_typed_end_customer_with_every_field()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(Path, HttpStatusCode.OK, BetaExamples.CreateResponse);

            var response = await plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate());

            var endCustomer = response.EndCustomer!;
            Assert.Multiple(() =>
            {
                Assert.That(endCustomer.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(endCustomer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(endCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(endCustomer.ProductStatuses, Is.EquivalentTo(new Dictionary<string, PartnerEndCustomerProductStatus>
                {
                    ["cra_base_report"] = PartnerEndCustomerStatus.MoreInformationNeeded,
                }));
                Assert.That(endCustomer.RequirementsDue, Is.EqualTo(new[]
                {
                    PartnerEndCustomerRequirementDue.IsDiligenceAttested, PartnerEndCustomerRequirementDue.BankAddendumAcceptance, PartnerEndCustomerRequirementDue.QuestionnairesCra,
                }));
                Assert.That(endCustomer.Secrets!.Sandbox, Is.EqualTo("b60b5201d006ca5a7081d27c824d77"));
                Assert.That(endCustomer.Secrets.Production, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(endCustomer.AdditionalProperties, Is.Empty, "every member of the example is typed");
                Assert.That(response.AdditionalProperties, Is.Empty);
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task Unknown_requirements_statuses_and_products_keep_their_raw_values()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(Path, HttpStatusCode.OK, """
                {"end_customer": {"client_id": "c", "status": "ON_HOLD", "product_statuses": {"teleportation": "WAITLISTED", "auth": "ACTIVE"},
                 "requirements_due": ["website", "questionnaires.kyb"], "brand_new_member": 1}, "request_id": "r"}
                """);

            var response = await plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate());

            var endCustomer = response.EndCustomer!;
            Assert.Multiple(() =>
            {
                Assert.That(endCustomer.Status!.Value.ToString(), Is.EqualTo("ON_HOLD"));
                Assert.That(endCustomer.Status.Value.IsKnown, Is.False);
                Assert.That(endCustomer.ProductStatuses!["teleportation"].ToString(), Is.EqualTo("WAITLISTED"));
                Assert.That(endCustomer.ProductStatuses["teleportation"].Status!.Value.IsKnown, Is.False);
                Assert.That(endCustomer.ProductStatuses["auth"].Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(endCustomer.RequirementsDue!.Select(r => r.ToString()), Is.EqualTo(new[] { "website", "questionnaires.kyb" }));
                Assert.That(endCustomer.RequirementsDue!.Select(r => r.IsKnown), Is.EqualTo(new[] { true, false }));
                Assert.That(endCustomer.AdditionalProperties.Keys, Is.EqualTo(new[] { "brand_new_member" }));
            });
        }

        [Test]
        public void Unknown_values_are_written_back_unchanged()
        {
            var endCustomer = new BetaPartnerEndCustomer
            {
                Status = new PartnerEndCustomerStatus("ON_HOLD"),
                ProductStatuses = new Dictionary<string, PartnerEndCustomerProductStatus> { ["teleportation"] = new PartnerEndCustomerStatus("WAITLISTED") },
                RequirementsDue = new[] { new PartnerEndCustomerRequirementDue("questionnaires.kyb") },
            };

            var json = JObject.Parse(JsonConvert.SerializeObject(endCustomer));

            var expected = JObject.Parse("""{"status":"ON_HOLD","product_statuses":{"teleportation":"WAITLISTED"},"requirements_due":["questionnaires.kyb"]}""");
            Assert.That(JToken.DeepEquals(json, expected), Is.True, json.ToString());
        }

        [Test]
        public void Creating_in_sandbox_throws_before_any_request_is_sent()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            var exception = Assert.ThrowsAsync<PlaidProductionOnlyException>(() => plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate()));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.OperationPath, Is.EqualTo("/beta/partner/customer/v1/create"));
                Assert.That(exception.Message, Does.Contain("/beta/partner/customer/v1/create must be called in Production"));
                Assert.That(exception.Message, Does.Contain("CreateEndCustomerSandboxSampleAsync"));
                Assert.That(captured.Request, Is.Null, "nothing may be sent");
            });
        }

        [Test]
        public void Creating_against_a_custom_address_standing_for_sandbox_is_refused_too()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Custom(new Uri("http://127.0.0.1:5005"), PlaidEnvironment.Sandbox));
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            Assert.ThrowsAsync<PlaidProductionOnlyException>(() => plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate()));
            Assert.That(captured.Request, Is.Null);
        }

        [Test]
        public async Task Creating_against_a_custom_address_standing_for_production_is_allowed()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Custom(new Uri("http://127.0.0.1:5005"), PlaidEnvironment.Production));
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            await plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate());

            Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5005/beta/partner/customer/v1/create"));
        }

        [Test]
        public async Task The_sandbox_sample_is_available_on_purpose_and_says_it_is_a_sample()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            var sample = await plaid.Client.Beta.CreateEndCustomerSandboxSampleAsync(Requests.BetaCreate());

            Assert.Multiple(() =>
            {
                Assert.That(sample.IsSample, Is.True);
                Assert.That(sample.Response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
                Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("https://sandbox.plaid.com/beta/partner/customer/v1/create"));
            });
        }

        [Test]
        public void The_sandbox_sample_is_refused_in_production_where_it_would_create_a_real_customer()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);

            var exception = Assert.ThrowsAsync<InvalidOperationException>(() => plaid.Client.Beta.CreateEndCustomerSandboxSampleAsync(Requests.BetaCreate()));

            Assert.That(exception!.Message, Does.Contain("/beta/partner/customer/v1/create creates a real, billable end customer"));
            Assert.That(captured.Request, Is.Null);
        }

        [Test]
        public async Task The_sandbox_sample_refused_in_production_comes_out_in_the_returned_task_not_from_the_call()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);
            Task<PlaidSandboxSample<BetaPartnerCustomerV1CreateResponse>>? call = null;

            Assert.DoesNotThrow(() => call = plaid.Client.Beta.CreateEndCustomerSandboxSampleAsync(Requests.BetaCreate()));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(call!.IsFaulted, Is.True);
                await Assert.ThatAsync(() => call!, Throws.InvalidOperationException);
                Assert.That(captured.Request, Is.Null);
            });
        }

        [Test]
        public void Missing_required_fields_are_named_and_nothing_is_sent()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(Path, BetaExamples.CreateResponse);
            var request = Requests.BetaCreate();
            request.CustomerSupportInfo = null!;
            request.Website = null!;

            var exception = Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.Beta.CreateEndCustomerAsync(request));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ParamName, Is.EqualTo("request"));
                Assert.That(exception.Message, Does.Contain("'customer_support_info'").And.Contain("'website'"));
                Assert.That(captured.Request, Is.Null);
            });
        }

        [Test]
        public async Task Only_the_fields_the_beta_contract_marks_required_are_required()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Capture(Path, BetaExamples.CreateResponse);
            var minimal = new BetaPartnerCustomerV1CreateRequest
            {
                CompanyName = "Plaid",
                ApplicationName = "Plaid",
                Website = "plaid.com",
                CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo(),
                Address = new PartnerEndCustomerAddress(),
            };

            await Assert.ThatAsync(async () => await plaid.Client.Beta.CreateEndCustomerAsync(minimal), Throws.Nothing);
        }

        [Test]
        public void A_plaid_error_is_a_plaid_api_exception_naming_the_beta_path()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(Path, HttpStatusCode.BadRequest, """
                {"error_type":"INVALID_REQUEST","error_code":"MISSING_FIELDS","error_message":"the following required fields are missing: website",
                 "display_message":null,"request_id":"abc"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.Beta.CreateEndCustomerAsync(Requests.BetaCreate()));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.StartWith("Plaid /beta/partner/customer/v1/create failed: HTTP 400"));
                Assert.That(exception.ErrorCode, Is.EqualTo("MISSING_FIELDS"));
            });
        }

        [Test]
        public async Task A_use_case_or_product_this_version_does_not_know_is_sent_as_given()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var update = plaid.Capture(PlaidOperations.BetaUpdatePath, BetaExamples.UpdateResponse);
            var enable = plaid.Capture(PlaidOperations.BetaEnablePath, BetaExamples.EnableResponse);
            var request = Requests.BetaUpdate();
            request.Questionnaires!.Cra!.Purposes!.Employment!.UseCases = new[] { new PartnerEndCustomerCRAUseCase("PAYROLL_VERIFICATION") };

            await plaid.Client.Beta.UpdateEndCustomerAsync(request);
            await plaid.Client.Beta.EnableEndCustomerAsync(new BetaPartnerCustomerV1EnableRequest { EndCustomerClientId = "c", Products = new[] { new Products("quantum_ledger") } });

            Assert.Multiple(() =>
            {
                Assert.That(JObject.Parse(update.Body!).SelectToken("questionnaires.cra.purposes.EMPLOYMENT.use_cases[0]")!.ToString(), Is.EqualTo("PAYROLL_VERIFICATION"));
                Assert.That(JObject.Parse(enable.Body!)["products"]![0]!.ToString(), Is.EqualTo("quantum_ledger"));
            });
        }

        [Test]
        public async Task Plaids_get_example_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            plaid.Respond(PlaidOperations.BetaGetPath, HttpStatusCode.OK, BetaExamples.GetResponse);

            var response = await plaid.Client.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId);

            var endCustomer = response.EndCustomer!;
            Assert.Multiple(() =>
            {
                Assert.That(endCustomer.ClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(endCustomer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(endCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.MoreInformationNeeded));
                Assert.That(endCustomer.ProductStatuses, Is.EquivalentTo(new Dictionary<string, PartnerEndCustomerProductStatus>
                {
                    ["cra_base_report"] = PartnerEndCustomerStatus.MoreInformationNeeded,
                }));
                Assert.That(endCustomer.RequirementsDue, Is.EqualTo(new[]
                {
                    PartnerEndCustomerRequirementDue.IsDiligenceAttested, PartnerEndCustomerRequirementDue.BankAddendumAcceptance, PartnerEndCustomerRequirementDue.QuestionnairesCra,
                }));
                Assert.That(endCustomer.AdditionalProperties, Is.Empty);
                Assert.That(response.AdditionalProperties, Is.Empty);
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task Plaids_update_example_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.BetaUpdatePath, HttpStatusCode.OK, BetaExamples.UpdateResponse);

            var response = await plaid.Client.Beta.UpdateEndCustomerAsync(Requests.BetaUpdate());

            var endCustomer = response.EndCustomer!;
            Assert.Multiple(() =>
            {
                Assert.That(endCustomer.ClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(endCustomer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(endCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
                Assert.That(endCustomer.ProductStatuses, Is.EquivalentTo(new Dictionary<string, PartnerEndCustomerProductStatus> { ["cra_base_report"] = PartnerEndCustomerStatus.PendingEnablement }));
                Assert.That(endCustomer.RequirementsDue, Is.Null, "nothing due: the example leaves the member out");
                Assert.That(endCustomer.AdditionalProperties, Is.Empty);
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task Plaids_enable_example_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.BetaEnablePath, HttpStatusCode.OK, BetaExamples.EnableResponse);

            var response = await plaid.Client.Beta.EnableEndCustomerAsync(Requests.BetaEnable());

            Assert.Multiple(() =>
            {
                Assert.That(response.EndCustomerClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(response.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(response.ProductStatuses, Is.EquivalentTo(new Dictionary<string, PartnerEndCustomerProductStatus>
                {
                    ["auth"] = PartnerEndCustomerStatus.Active,
                    ["cra_base_report"] = PartnerEndCustomerStatus.PendingEnablement,
                }));
                Assert.That(response.ProductionSecret, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(response.AdditionalProperties, Is.Empty);
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        public sealed record ExampleRequest(string Path, string Json, Func<PlaidPartnerClient, string, Task> Send)
        {
            public override string ToString() => Path;
        }

        private static readonly ExampleRequest[] PlaidsExampleRequests =
        {
            new(PlaidOperations.BetaCreatePath, BetaExamples.CreateRequest, (c, json) => c.Beta.CreateEndCustomerAsync(JsonConvert.DeserializeObject<BetaPartnerCustomerV1CreateRequest>(json)!)),
            new(PlaidOperations.BetaGetPath, BetaExamples.GetRequest,
                (c, json) => c.Beta.GetEndCustomerAsync(JsonConvert.DeserializeObject<BetaPartnerCustomerV1GetRequest>(json)!.EndCustomerClientId)),
            new(PlaidOperations.BetaUpdatePath, BetaExamples.UpdateRequest, (c, json) => c.Beta.UpdateEndCustomerAsync(JsonConvert.DeserializeObject<BetaPartnerCustomerV1UpdateRequest>(json)!)),
            new(PlaidOperations.BetaEnablePath, BetaExamples.EnableRequest, (c, json) => c.Beta.EnableEndCustomerAsync(JsonConvert.DeserializeObject<BetaPartnerCustomerV1EnableRequest>(json)!)),
        };

        [TestCaseSource(nameof(PlaidsExampleRequests))]
        public async Task Plaids_example_request_read_into_the_typed_model_is_sent_unchanged_and_fits_the_contract(ExampleRequest example)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(example.Path, "{}");

            await example.Send(plaid.Client, example.Json);

            var sent = Normalized(captured.Body!);
            var schema = (await BundledSpec.LoadAsync()).Paths[example.Path][NSwag.OpenApiOperationMethod.Post].RequestBody!.Content["application/json"].Schema.ActualSchema;
            Assert.Multiple(() =>
            {
                Assert.That(JToken.DeepEquals(sent, Normalized(example.Json)), Is.True, $"sent {sent}");
                Assert.That(schema.Validate(captured.Body!), Is.Empty);
            });
        }

        [Test]
        public async Task Get_is_a_read_that_is_sent_in_sandbox_too()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            var captured = plaid.Capture(PlaidOperations.BetaGetPath, BetaExamples.GetResponse);

            await plaid.Client.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId);

            Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("https://sandbox.plaid.com/beta/partner/customer/v1/get"));
        }

        private static readonly (string Path, Func<PlaidPartnerClient, Task> Call)[] Changes =
        {
            (PlaidOperations.BetaUpdatePath, c => c.Beta.UpdateEndCustomerAsync(Requests.BetaUpdate())),
            (PlaidOperations.BetaEnablePath, c => c.Beta.EnableEndCustomerAsync(Requests.BetaEnable())),
        };

        [Test]
        public void Update_and_enable_in_sandbox_throw_before_any_request_is_sent()
        {
            foreach (var (path, call) in Changes)
            {
                using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
                var captured = plaid.Capture(path, "{}");

                var exception = Assert.ThrowsAsync<PlaidProductionOnlyException>(() => call(plaid.Client), path);

                Assert.Multiple(() =>
                {
                    Assert.That(exception!.OperationPath, Is.EqualTo(path));
                    Assert.That(exception.Environment, Is.EqualTo(PlaidEnvironment.Sandbox));
                    Assert.That(exception.Message, Does.StartWith($"{path} must be called in Production").And.Contain("no end customer for it to change"));
                    Assert.That(captured.Request, Is.Null, "nothing may be sent");
                });
            }
        }

        [Test]
        public async Task Update_and_enable_go_to_a_custom_address_standing_for_production()
        {
            foreach (var (path, call) in Changes)
            {
                using var plaid = new MockPlaid(PlaidEnvironment.Custom(new Uri("http://127.0.0.1:5005"), PlaidEnvironment.Production));
                var captured = plaid.Capture(path, "{}");

                await call(plaid.Client);

                Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5005" + path));
            }
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        public void A_missing_end_customer_client_id_is_named_and_nothing_is_sent(string? id)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var sent = new[] { PlaidOperations.BetaGetPath, PlaidOperations.BetaUpdatePath, PlaidOperations.BetaEnablePath }
                .Select(path => plaid.Capture(path, "{}"))
                .ToList();
            // Get takes the id itself (as the GA calls do); update and enable take a request object with more fields.
            var calls = new (Func<Task> Call, string ParamName, string Names)[]
            {
                (() => plaid.Client.Beta.GetEndCustomerAsync(id!), "endCustomerClientId", "endCustomerClientId must be"),
                (() => plaid.Client.Beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = id!, LegalEntityName = "Plaid" }),
                    "request", "('end_customer_client_id')"),
                (() => plaid.Client.Beta.EnableEndCustomerAsync(new BetaPartnerCustomerV1EnableRequest { EndCustomerClientId = id! }), "request", "('end_customer_client_id')"),
            };

            foreach (var (call, paramName, names) in calls)
            {
                var exception = Assert.ThrowsAsync<ArgumentException>(() => call());
                Assert.Multiple(() =>
                {
                    Assert.That(exception!.ParamName, Is.EqualTo(paramName));
                    Assert.That(exception.Message, Does.Contain(names));
                });
            }

            Assert.That(sent.Select(c => c.Request), Has.All.Null, "nothing may be sent");
        }

        [Test]
        public void A_null_request_is_an_argument_null_exception()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);

            Assert.Multiple(() =>
            {
                Assert.That(Assert.ThrowsAsync<ArgumentNullException>(() => plaid.Client.Beta.UpdateEndCustomerAsync(null!))!.ParamName, Is.EqualTo("request"));
                Assert.That(Assert.ThrowsAsync<ArgumentNullException>(() => plaid.Client.Beta.EnableEndCustomerAsync(null!))!.ParamName, Is.EqualTo("request"));
            });
        }

        [Test]
        public async Task An_update_sends_only_the_members_it_is_given()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.BetaUpdatePath, BetaExamples.UpdateResponse);

            await plaid.Client.Beta.UpdateEndCustomerAsync(new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = "634758733ebb4f00134b85ea", LegalEntityName = "Plaid Inc." });

            var expected = JObject.Parse("""{"end_customer_client_id":"634758733ebb4f00134b85ea","legal_entity_name":"Plaid Inc."}""");
            Assert.That(JToken.DeepEquals(JObject.Parse(captured.Body!), expected), Is.True, captured.Body);
        }

        [Test]
        public async Task Enable_without_products_leaves_them_out()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.BetaEnablePath, BetaExamples.EnableResponse);

            await plaid.Client.Beta.EnableEndCustomerAsync(new BetaPartnerCustomerV1EnableRequest { EndCustomerClientId = "634758733ebb4f00134b85ea" });

            Assert.That(captured.Body, Is.EqualTo("""{"end_customer_client_id":"634758733ebb4f00134b85ea"}"""));
        }

        [Test]
        public void A_plaid_error_on_enable_is_a_plaid_api_exception_with_its_code()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.BetaEnablePath, HttpStatusCode.PreconditionFailed, """
                {"error_type":"PARTNER_ERROR","error_code":"CUSTOMER_NOT_READY_FOR_ENABLEMENT","error_message":"this customer is not ready for enablement",
                 "display_message":null,"request_id":"abc"}
                """);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.Beta.EnableEndCustomerAsync(Requests.BetaEnable()));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.StartWith("Plaid /beta/partner/customer/v1/enable failed: HTTP 412"));
                Assert.That(exception.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotReadyForEnablement));
                Assert.That(exception.IsPartnerError, Is.True);
            });
        }

        [Test]
        public async Task The_beta_client_can_be_mocked_through_its_virtual_methods()
        {
            PlaidPartnerClient client = new FakeClient();

            var created = await client.Beta.CreateEndCustomerAsync(Requests.BetaCreate());
            var got = await client.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId);
            var updated = await client.Beta.UpdateEndCustomerAsync(Requests.BetaUpdate());
            var enabled = await client.Beta.EnableEndCustomerAsync(Requests.BetaEnable());

            Assert.Multiple(() =>
            {
                Assert.That(created.EndCustomer!.RequirementsDue, Is.EqualTo(new[] { PartnerEndCustomerRequirementDue.Website }));
                Assert.That(got.EndCustomer!.ClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(updated.EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
                Assert.That(enabled.ProductionSecret, Is.EqualTo("fake"));
            });
        }

        /// <summary>The JSON with the bank addendum timestamp as an instant, so that "Z" and "+00:00" compare equal.</summary>
        private static JObject Normalized(string json)
        {
            var body = JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
            if (body.SelectToken("bank_addendum_acceptance.customer_agreement_timestamp") is JValue timestamp)
            {
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                timestamp.Value = DateTimeOffset.Parse((string)timestamp!, invariant).ToUniversalTime().ToString("O", invariant);
            }

            return body;
        }

        private sealed class FakeClient : PlaidPartnerClient
        {
            public override PlaidPartnerBetaClient Beta { get; } = new FakeBetaClient();
        }

        private sealed class FakeBetaClient : PlaidPartnerBetaClient
        {
            public override Task<BetaPartnerCustomerV1CreateResponse> CreateEndCustomerAsync(BetaPartnerCustomerV1CreateRequest request, CancellationToken cancellationToken = default) =>
                Task.FromResult(new BetaPartnerCustomerV1CreateResponse
                {
                    EndCustomer = new BetaPartnerEndCustomerWithSecrets { RequirementsDue = new[] { PartnerEndCustomerRequirementDue.Website } },
                });

            public override Task<BetaPartnerCustomerV1GetResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new BetaPartnerCustomerV1GetResponse { EndCustomer = new BetaPartnerEndCustomer { ClientId = endCustomerClientId } });

            public override Task<BetaPartnerCustomerV1UpdateResponse> UpdateEndCustomerAsync(BetaPartnerCustomerV1UpdateRequest request, CancellationToken cancellationToken = default) =>
                Task.FromResult(new BetaPartnerCustomerV1UpdateResponse { EndCustomer = new BetaPartnerEndCustomer { Status = PartnerEndCustomerStatus.PendingEnablement } });

            public override Task<BetaPartnerCustomerV1EnableResponse> EnableEndCustomerAsync(BetaPartnerCustomerV1EnableRequest request, CancellationToken cancellationToken = default) =>
                Task.FromResult(new BetaPartnerCustomerV1EnableResponse { ProductionSecret = "fake" });
        }
    }
}
