using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests
{
    public class PlaidPartnerClientTests
    {
        private static readonly PlaidEnvironment[] Environments = { PlaidEnvironment.Production, PlaidEnvironment.Sandbox };

        private static readonly object[] EveryEndpointInEveryEnvironment =
            (from environment in Environments
             from endpoint in EndpointCase.All
             where environment.IsProduction || !endpoint.ProductionOnly
             select new object[] { environment, endpoint }).ToArray();

        [TestCaseSource(nameof(EveryEndpointInEveryEnvironment))]
        public async Task Each_call_posts_to_the_environment_host_with_the_three_headers(PlaidEnvironment environment, EndpointCase endpoint)
        {
            using var plaid = new MockPlaid(environment);
            var captured = plaid.Capture(endpoint.Path, endpoint.SeedResponse);

            await endpoint.Call(plaid.Client);

            var request = captured.Request!;
            var host = environment.IsProduction ? "https://production.plaid.com" : "https://sandbox.plaid.com";
            Assert.Multiple(() =>
            {
                Assert.That(request.RequestUri!.AbsoluteUri, Is.EqualTo(host + endpoint.Path));
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
                Assert.That(request.Headers.GetValues("PLAID-CLIENT-ID"), Is.EqualTo(new[] { MockPlaid.ClientId }));
                Assert.That(request.Headers.GetValues("PLAID-SECRET"), Is.EqualTo(new[] { MockPlaid.Secret }));
                Assert.That(request.Headers.GetValues("Plaid-Version"), Is.EqualTo(new[] { "2020-09-14" }));
                Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
                Assert.That(request.Content!.Headers.ContentType!.CharSet, Is.EqualTo("utf-8"));
                Assert.That(request.Headers.UserAgent.ToString(), Does.StartWith("Plaid.Partner/"));
            });
        }

        [TestCaseSource(typeof(EndpointCase), nameof(EndpointCase.All))]
        public async Task Each_body_is_snake_case_json_that_the_spec_accepts_and_carries_no_credentials(EndpointCase endpoint)
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(endpoint.Path, endpoint.SeedResponse);

            await endpoint.Call(plaid.Client);

            var body = JObject.Parse(captured.Body!);
            var schema = (await BundledSpec.LoadAsync()).Components.Schemas[endpoint.RequestSchema];
            Assert.Multiple(() =>
            {
                Assert.That(schema.Validate(captured.Body!), Is.Empty, "the body breaks the bundled spec's request schema");
                // The keys of the beta CRA questionnaire's purposes are permissible-purpose names, upper case in the beta contract.
                Assert.That(body.Descendants().OfType<JProperty>().Where(p => p.Parent?.Parent is not JProperty { Name: "purposes" }).Select(p => p.Name), Has.All.Match("^[a-z0-9_]+$"));
                Assert.That(captured.Body, Does.Not.Contain(MockPlaid.Secret).And.Not.Contain(MockPlaid.ClientId));
                Assert.That(body.Properties().Select(p => p.Name), Has.None.EqualTo("secret").And.None.EqualTo("client_id"));
            });
        }

        [Test]
        public async Task Null_optional_fields_are_left_out_of_the_body()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);
            var request = Requests.Create();
            request.Logo = null;
            request.TechnicalContact = null;
            request.Products = null;

            await plaid.Client.CreateEndCustomerAsync(request);

            Assert.That(JObject.Parse(captured.Body!).Properties().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "company_name", "is_diligence_attested", "legal_entity_name", "website", "application_name", "address", "is_bank_addendum_completed",
            }));
            Assert.That(captured.Body, Does.Not.Contain("null"));
        }

        [Test]
        public async Task The_create_example_of_seed_002_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.CreatePath, HttpStatusCode.OK, PlaidExampleResponses.CreateResponse);

            var response = await plaid.Client.CreateEndCustomerAsync(Requests.Create());

            Assert.Multiple(() =>
            {
                Assert.That(response.EndCustomer!.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(response.EndCustomer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(response.EndCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(response.EndCustomer.Secrets!.Sandbox, Is.EqualTo("b60b5201d006ca5a7081d27c824d77"));
                Assert.That(response.EndCustomer.Secrets.Production, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task The_get_example_of_seed_002_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.OK, PlaidExampleResponses.GetResponse);

            var response = await plaid.Client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");

            Assert.Multiple(() =>
            {
                Assert.That(response.EndCustomer!.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(response.EndCustomer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(response.EndCustomer.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task The_oauth_institutions_example_of_seed_002_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.OAuthInstitutionsGetPath, HttpStatusCode.OK, PlaidExampleResponses.OAuthInstitutionsGetResponse);

            var response = await plaid.Client.GetEndCustomerOAuthInstitutionsAsync("7f57eb3d2a9j6480121fx361");

            var chase = response.Institutions![0];
            var bankOfAmerica = response.Institutions[2];
            var registrationError = bankOfAmerica.Errors![0]!;
            Assert.Multiple(() =>
            {
                Assert.That(response.FlowdownStatus, Is.EqualTo(PartnerEndCustomerFlowdownStatus.Complete));
                Assert.That(response.QuestionnaireStatus, Is.EqualTo(PartnerEndCustomerQuestionnaireStatus.Complete));
                Assert.That(response.Institutions, Has.Count.EqualTo(3));
                Assert.That(chase.Name, Is.EqualTo("Chase"));
                Assert.That(chase.InstitutionId, Is.EqualTo("ins_56"));
                Assert.That(chase.Environments!.Production, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing));
                Assert.That(chase.ProductionEnablementDate, Is.Null);
                Assert.That(chase.ClassicDisablementDate, Is.EqualTo("2022-06-30"));
                Assert.That(response.Institutions[1].ProductionEnablementDate, Is.EqualTo("2022-12-19"));
                Assert.That(bankOfAmerica.Environments!.Production, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired));
                Assert.That(registrationError.ErrorType, Is.EqualTo(PlaidErrorType.PartnerError));
                Assert.That(registrationError.ErrorCode, Is.EqualTo("OAUTH_REGISTRATION_ERROR"));
                Assert.That(registrationError.ErrorMessage, Is.EqualTo("Application logo is required"));
                Assert.That(registrationError.DisplayMessage, Is.Null);
                Assert.That(registrationError.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task The_enable_and_remove_examples_of_seed_002_deserialize_with_every_field()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.EnablePath, HttpStatusCode.OK, PlaidExampleResponses.EnableResponse);
            plaid.Respond(PlaidOperations.RemovePath, HttpStatusCode.OK, PlaidExampleResponses.RemoveResponse);

            var enabled = await plaid.Client.EnableEndCustomerAsync("7f57eb3d2a9j6480121fx361");
            var removed = await plaid.Client.RemoveEndCustomerAsync("7f57eb3d2a9j6480121fx361");

            Assert.Multiple(() =>
            {
                Assert.That(enabled.ProductionSecret, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(enabled.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
                Assert.That(removed.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task The_webhook_verification_key_example_deserializes_with_every_field()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.WebhookVerificationKeyGetPath, HttpStatusCode.OK, PlaidExampleResponses.WebhookVerificationKeyGetResponse);

            var response = await plaid.Client.GetWebhookVerificationKeyAsync("bfbd5111-8e33-4643-8ced-b2e642a72f3c");

            var key = response.Key!;
            Assert.Multiple(() =>
            {
                Assert.That(key.Alg, Is.EqualTo("ES256"));
                Assert.That(key.CreatedAt, Is.EqualTo(1560466150));
                Assert.That(key.Crv, Is.EqualTo("P-256"));
                Assert.That(key.ExpiredAt, Is.Null);
                Assert.That(key.Kid, Is.EqualTo("bfbd5111-8e33-4643-8ced-b2e642a72f3c"));
                Assert.That(key.Kty, Is.EqualTo("EC"));
                Assert.That(key.Use, Is.EqualTo("sig"));
                Assert.That(key.X, Is.EqualTo("hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ"));
                Assert.That(key.Y, Is.EqualTo("shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys"));
                Assert.That(response.RequestId, Is.EqualTo("RZ6Omi1bzzwDaLo"));
            });
        }

        [Test]
        public void Creating_in_sandbox_throws_before_any_request_is_sent()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            var create = plaid.Respond(PlaidOperations.CreatePath, HttpStatusCode.OK, PlaidExampleResponses.CreateResponse);

            var exception = Assert.ThrowsAsync<PlaidProductionOnlyException>(() => plaid.Client.CreateEndCustomerAsync(Requests.Create()));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.Contain("must be called in Production, even to obtain Sandbox API keys"));
                Assert.That(exception.Message, Does.Contain("CreateEndCustomerSandboxSampleAsync"));
                Assert.That(exception.Environment, Is.EqualTo(PlaidEnvironment.Sandbox));
                Assert.That(plaid.Handler.GetMatchCount(create), Is.Zero, "nothing may be sent");
            });
        }

        [Test]
        public void Creating_against_a_custom_address_standing_for_sandbox_is_refused_too()
        {
            var emulator = PlaidEnvironment.Custom(new Uri("http://127.0.0.1:5005"), PlaidEnvironment.Sandbox);
            using var plaid = new MockPlaid(emulator);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);

            Assert.ThrowsAsync<PlaidProductionOnlyException>(() => plaid.Client.CreateEndCustomerAsync(Requests.Create()));
            Assert.That(captured.Request, Is.Null, "nothing may be sent");
        }

        [Test]
        public async Task Creating_against_a_custom_address_standing_for_production_is_allowed()
        {
            var emulator = PlaidEnvironment.Custom(new Uri("http://127.0.0.1:5005"), PlaidEnvironment.Production);
            using var plaid = new MockPlaid(emulator);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);

            var response = await plaid.Client.CreateEndCustomerAsync(Requests.Create());

            Assert.That(response.EndCustomer!.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
            Assert.That(captured.Request!.RequestUri!.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5005/partner/customer/create"));
        }

        [Test]
        public async Task The_sandbox_sample_is_available_on_purpose_and_says_it_is_a_sample()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Sandbox);
            plaid.Respond(PlaidOperations.CreatePath, HttpStatusCode.OK, PlaidExampleResponses.CreateResponse);

            var sample = await plaid.Client.CreateEndCustomerSandboxSampleAsync(Requests.Create());

            Assert.Multiple(() =>
            {
                Assert.That(sample.IsSample, Is.True);
                Assert.That(sample.Response.EndCustomer!.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(sample.ToString(), Does.Contain("sample").And.Contain("nothing was created"));
            });
        }

        [Test]
        public void The_sandbox_sample_is_refused_in_production_where_it_would_create_a_real_customer()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);

            var exception = Assert.ThrowsAsync<InvalidOperationException>(() => plaid.Client.CreateEndCustomerSandboxSampleAsync(Requests.Create()));

            Assert.That(exception!.Message, Does.Contain("real, billable end customer"));
            Assert.That(captured.Request, Is.Null);
        }

        [Test]
        public async Task The_sandbox_samples_refusals_come_out_in_the_returned_task_not_from_the_call()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);
            var invalid = Requests.Create();
            invalid.CompanyName = null!;
            Task<PlaidSandboxSample<PartnerCustomerCreateResponse>>? inProduction = null;
            Task<PlaidSandboxSample<PartnerCustomerCreateResponse>>? incomplete = null;

            Assert.Multiple(() =>
            {
                Assert.DoesNotThrow(() => inProduction = plaid.Client.CreateEndCustomerSandboxSampleAsync(Requests.Create()));
                Assert.DoesNotThrow(() => incomplete = plaid.Client.CreateEndCustomerSandboxSampleAsync(invalid));
            });

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(inProduction!.IsFaulted, Is.True);
                Assert.That(incomplete!.IsFaulted, Is.True);
                await Assert.ThatAsync(() => inProduction!, Throws.InvalidOperationException);
                await Assert.ThatAsync(() => incomplete!, Throws.ArgumentException);
                Assert.That(captured.Request, Is.Null);
            });
        }

        [Test]
        public void A_create_request_missing_required_fields_names_them_and_sends_nothing()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.CreatePath, PlaidExampleResponses.CreateResponse);
            var request = Requests.Create();
            request.CompanyName = null!;
            request.AssetsUnderManagement = new PartnerEndCustomerAssetsUnderManagement { Amount = 10, IsoCurrencyCode = null! };

            var exception = Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.CreateEndCustomerAsync(request));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.ParamName, Is.EqualTo("request"));
                Assert.That(exception.Message, Does.Contain("'company_name'"));
                Assert.That(exception.Message, Does.Contain("AssetsUnderManagement.IsoCurrencyCode ('iso_currency_code')"));
                Assert.That(captured.Request, Is.Null);
            });
        }

        [Test]
        public void A_null_create_request_is_an_argument_null_exception()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);

            Assert.ThrowsAsync<ArgumentNullException>(() => plaid.Client.CreateEndCustomerAsync(null!));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        public void Blank_ids_are_rejected_with_the_parameter_name(string? id)
        {
            using var plaid = new MockPlaid();

            Assert.Multiple(() =>
            {
                Assert.That(Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.GetEndCustomerAsync(id!))!.ParamName, Is.EqualTo("endCustomerClientId"));
                Assert.That(Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.GetEndCustomerOAuthInstitutionsAsync(id!))!.ParamName, Is.EqualTo("endCustomerClientId"));
                Assert.That(Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.EnableEndCustomerAsync(id!))!.ParamName, Is.EqualTo("endCustomerClientId"));
                Assert.That(Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.RemoveEndCustomerAsync(id!))!.ParamName, Is.EqualTo("endCustomerClientId"));
                Assert.That(Assert.ThrowsAsync<ArgumentException>(() => plaid.Client.GetWebhookVerificationKeyAsync(id!))!.ParamName, Is.EqualTo("keyId"));
            });
        }

        [Test]
        public void A_call_slower_than_the_timeout_throws_timeout_exception()
        {
            using var plaid = new MockPlaid(configure: o => o.Timeout = TimeSpan.FromMilliseconds(50));
            using var hanging = new HangingHandler();
            var client = new PlaidPartnerClient(new HttpClient(hanging), plaid.Options);

            var exception = Assert.ThrowsAsync<TimeoutException>(() => client.GetEndCustomerAsync("id"));

            Assert.That(exception!.Message, Does.Contain("/partner/customer/get").And.Contain("PlaidPartnerOptions.Timeout"));
        }

        [Test]
        public async Task A_cancelled_call_throws_operation_canceled_not_timeout()
        {
            using var plaid = new MockPlaid();
            using var cancellation = new CancellationTokenSource();
            using var hanging = new HangingHandler(onRequest: () => cancellation.Cancel());
            var client = new PlaidPartnerClient(new HttpClient(hanging), plaid.Options);

            await Assert.ThatAsync(async () => await client.GetEndCustomerAsync("id", cancellation.Token), Throws.InstanceOf<OperationCanceledException>().And.Not.InstanceOf<TimeoutException>());
            Assert.That(hanging.Requests, Is.EqualTo(1));
        }

        [Test]
        public void Options_are_copied_at_construction()
        {
            using var plaid = new MockPlaid();

            plaid.Options.Environment = PlaidEnvironment.Production;
            plaid.Options.Secret = "changed";

            Assert.That(plaid.Client.Environment, Is.EqualTo(PlaidEnvironment.Sandbox));
        }

        [Test]
        public async Task The_response_size_limit_is_copied_at_construction_too()
        {
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.OK, PlaidExampleResponses.GetResponse);

            plaid.Options.MaxResponseBodyBytes = 10;

            await Assert.ThatAsync(async () => (await plaid.Client.GetEndCustomerAsync("id")).RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
        }

        [Test]
        public void Constructor_arguments_are_validated()
        {
            var options = new PlaidPartnerOptions { ClientId = "id", Secret = "secret" };
            using var http = new HttpClient();

            Assert.Multiple(() =>
            {
                Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new PlaidPartnerClient(null!, options))!.ParamName, Is.EqualTo("httpClient"));
                Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new PlaidPartnerClient(http, null!))!.ParamName, Is.EqualTo("options"));
                Assert.That(Assert.Throws<ArgumentException>(() => _ = new PlaidPartnerClient(http, new PlaidPartnerOptions { Secret = "s" }))!.Message, Does.Contain("ClientId"));
            });
        }

        [Test]
        public async Task The_client_can_be_mocked_through_its_virtual_methods()
        {
            PlaidPartnerClient client = new FakeClient();

            var response = await client.GetEndCustomerAsync("abc");

            Assert.That(response.EndCustomer!.ClientId, Is.EqualTo("abc"));
        }

        private sealed class FakeClient : PlaidPartnerClient
        {
            public override Task<PartnerCustomerGetResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new PartnerCustomerGetResponse { EndCustomer = new PartnerEndCustomer { ClientId = endCustomerClientId } });
        }
    }
}
