using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Control
{
    /// <summary>The control endpoints as plain HTTP, for tools in other languages or a standalone emulator.</summary>
    public class ControlEndpointsTests
    {
        [Test]
        public async Task The_prefix_lists_the_plaid_paths_and_the_controls()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var index = await SendAsync(emulator, HttpMethod.Get, "/__emulator");

            Assert.Multiple(() =>
            {
                Assert.That(index.Status, Is.EqualTo(200));
                Assert.That(index.Json["environment"]!.ToString(), Is.EqualTo("production"));
                Assert.That(index.Json["plaid_paths"]!.Select(p => p.ToString()), Has.Member("/partner/customer/oauth_institutions/get"));
                Assert.That(index.Json["controls"]!.Select(p => p.ToString()), Has.Some.StartsWith("POST /__emulator/faults"));
                Assert.That(index.Text, Does.Not.Contain(emulator.Secret));
            });
        }

        [Test]
        public async Task Moving_a_customer_by_json_returns_it_with_its_history()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var moved = await SendAsync(emulator, HttpMethod.Post, "/__emulator/customers/status", $"{{\"end_customer_client_id\":\"{id}\",\"status\":\"denied\"}}");

            Assert.Multiple(() =>
            {
                Assert.That(moved.Status, Is.EqualTo(200), moved.Text);
                Assert.That(moved.Json["status"]!.ToString(), Is.EqualTo("DENIED"));
                Assert.That(moved.Json["status_history"]!.Select(s => s.ToString()), Is.EqualTo(new[] { "UNDER_REVIEW", "DENIED" }));
                Assert.That(moved.Text, Does.Not.Contain("secret"));
            });
        }

        [TestCase("ACTIVE")]
        [TestCase("UNDER_REVIEW")]
        [TestCase("PENDING_ENABLEMENT")]
        public async Task Moves_plaid_would_not_make_are_refused_with_409(string status)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { NewCustomerStatus = PartnerEndCustomerStatus.Denied });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var refused = await SendAsync(emulator, HttpMethod.Post, "/__emulator/customers/status", $"{{\"end_customer_client_id\":\"{id}\",\"status\":\"{status}\"}}");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(409));
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("DENIED"));
                Assert.That((await emulator.GetCustomersAsync()).Single().Status, Is.EqualTo(PartnerEndCustomerStatus.Denied));
            });
        }

        [Test]
        public async Task Setting_the_status_a_customer_already_has_is_a_no_op()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var same = await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.UnderReview);

            Assert.That(same.StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
        }

        [TestCase("/__emulator/customers/status", "{\"end_customer_client_id\":\"nobody\",\"status\":\"DENIED\"}", 404, "nobody")]
        [TestCase("/__emulator/customers/status", "{\"status\":\"DENIED\"}", 400, "end_customer_client_id is required")]
        [TestCase("/__emulator/customers/status", "{\"end_customer_client_id\":\"x\",\"status\":\"DENIED\",\"force\":true}", 400, "force")]
        [TestCase("/__emulator/customers/status", "not json", 400, "CustomerStatusCommand")]
        [TestCase("/__emulator/oauth_status", "{\"end_customer_client_id\":\"x\",\"institution_id\":\"ins_56\",\"status\":\"DONE\"}", 400, "not an OAuth status")]
        [TestCase("/__emulator/faults", "{\"path\":\"/partner/customer/get\"}", 400, "kind is required")]
        [TestCase("/__emulator/faults", "{\"path\":\"/partner/customer/get\",\"kind\":\"status\",\"status\":200}", 400, "400 to 599")]
        [TestCase("/__emulator/nothing_here", "{}", 404, "GET /__emulator lists them")]
        [TestCase("/__EMULATOR/nothing_here", "{}", 404, "GET /__emulator lists them")]
        public async Task Bad_control_requests_are_refused_with_a_message(string path, string body, int status, string message)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var refused = await SendAsync(emulator, HttpMethod.Post, path, body);

            Assert.Multiple(() =>
            {
                Assert.That(refused.Status, Is.EqualTo(status), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain(message));
            });
        }

        [Test]
        public async Task A_fault_set_by_json_applies_to_plaid_calls()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var set = await SendAsync(emulator, HttpMethod.Post, "/__emulator/faults", "{\"path\":\"/partner/customer/get\",\"kind\":\"rate_limit\",\"retry_after_seconds\":3,\"times\":1}");
            var first = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{\"end_customer_client_id\":\"a\"}");
            var second = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{\"end_customer_client_id\":\"a\"}");

            Assert.Multiple(() =>
            {
                Assert.That(set.Status, Is.EqualTo(200), set.Text);
                Assert.That(first.Status, Is.EqualTo(429));
                Assert.That(first.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
                Assert.That(second.Json["error_code"]!.ToString(), Is.EqualTo("CUSTOMER_NOT_FOUND"));
            });
        }

        [Test]
        public async Task Partner_settings_round_trip_as_snake_case_json()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var put = await SendAsync(emulator, HttpMethod.Put, "/__emulator/partner",
                "{\"flowdown_complete\":false,\"questionnaire_complete\":true,\"contacts_on_file\":true,\"monthly_service_commitment\":true,\"co_branded_consent_in_use\":false}");
            var got = await SendAsync(emulator, HttpMethod.Get, "/__emulator/partner");

            Assert.Multiple(() =>
            {
                Assert.That(put.Status, Is.EqualTo(200), put.Text);
                Assert.That(JToken.DeepEquals(got.Json, put.Json), Is.True);
                Assert.That((bool)got.Json["flowdown_complete"]!, Is.False);
                Assert.That((bool)got.Json["monthly_service_commitment"]!, Is.True);
            });
        }

        [Test]
        public async Task Controls_need_no_plaid_credentials_but_plaid_paths_do()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var control = await SendAsync(emulator, HttpMethod.Get, "/__emulator/customers");
            var plaid = await RawPlaid.PostAsync(emulator, "/partner/customer/get", "{}", clientId: null, secret: null);

            Assert.Multiple(() =>
            {
                Assert.That(control.Status, Is.EqualTo(200));
                Assert.That(control.Json["customers"]!, Is.Empty);
                Assert.That(plaid.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_API_KEYS"));
            });
        }

        private static async Task<RawResponse> SendAsync(PlaidPartnerEmulator emulator, HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(emulator.BaseAddress, path.TrimStart('/')));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return await RawPlaid.SendAsync(request);
        }
    }
}
