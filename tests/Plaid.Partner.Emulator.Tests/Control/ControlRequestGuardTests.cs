using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Control;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Control
{
    /// <summary>
    /// A web page open in the developer's browser must not drive the emulator: each test is one way a page could try,
    /// and checks that the request is refused and that nothing changed.
    /// </summary>
    public class ControlRequestGuardTests
    {
        private const string TokenHeader = "Emulator-Console-Token";

        [TestCase("text/plain")]
        [TestCase("application/x-www-form-urlencoded")]
        [TestCase("multipart/form-data; boundary=x")]
        public async Task A_cross_origin_simple_post_is_refused_with_415_and_changes_nothing(string contentType)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);

            // What fetch(url, {method: 'POST', mode: 'no-cors', body}) or a <form> on another site sends: no preflight.
            var refused = await SendAsync(emulator, HttpMethod.Post, "__emulator/customers/status", Approve(id), contentType, ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(415), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("Content-Type: application/json"));
                Assert.That(refused.CorsHeaders, Is.Empty);
                Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
            });
        }

        // Routing ignores letter case, so these are the same endpoints as the lower-case paths; the guard must be too.
        [TestCase("__EMULATOR/faults")]
        [TestCase("__Emulator/customers/status")]
        public async Task A_simple_post_to_a_control_path_in_another_letter_case_is_refused_with_415_and_changes_nothing(string path)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);

            var refused = await SendAsync(emulator, HttpMethod.Post, path, BodyFor(path, id), "text/plain", ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(415), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("Content-Type: application/json"));
                await AssertNothingChangedAsync(emulator, id);
            });
        }

        [TestCase("__EMULATOR/faults")]
        [TestCase("__Emulator/customers/status")]
        public async Task A_browser_post_to_a_control_path_in_another_letter_case_without_the_token_is_refused_with_403_and_changes_nothing(string path)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);

            var refused = await SendAsync(emulator, HttpMethod.Post, path, BodyFor(path, id), "application/json", ("Origin", emulator.BaseAddress.GetLeftPart(UriPartial.Authority)));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(403), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("no Emulator-Console-Token"));
                await AssertNothingChangedAsync(emulator, id);
            });
        }

        [Test]
        public async Task Every_control_endpoint_carries_the_guard()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var controls = ControlRoutes(emulator);

            Assert.Multiple(() =>
            {
                Assert.That(controls.Select(e => e.RoutePattern.RawText), Has.Member("/__emulator/faults").And.Member("/__emulator/console"));
                Assert.That(controls.Where(e => e.Metadata.GetMetadata<ControlRequestGuard>() is null).Select(e => e.DisplayName), Is.Empty, "control endpoints without the guard");
            });
        }

        [Test]
        public async Task Every_state_changing_control_endpoint_refuses_a_web_page_however_its_path_is_spelled()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var origin = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
            var checkedRequests = new List<string>();
            var answered = new List<string>();

            foreach (var endpoint in ControlRoutes(emulator))
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? new[] { "POST" };
                foreach (var method in methods.Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
                {
                    var pattern = endpoint.RoutePattern.RawText!;
                    checkedRequests.Add($"{method} {pattern}");
                    foreach (var path in new[] { pattern, pattern.ToUpperInvariant() })
                    {
                        var simple = await SendAsync(emulator, new HttpMethod(method), path.TrimStart('/'), "{}", "text/plain", ("Origin", "http://attacker.example"));
                        var noToken = await SendAsync(emulator, new HttpMethod(method), path.TrimStart('/'), "{}", "application/json", ("Origin", origin));
                        answered.Add($"{method} {path}: {simple.Status}, {noToken.Status}");
                    }
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(checkedRequests, Has.Member("POST /__emulator/faults").And.Member("DELETE /__emulator/faults").And.Member("PUT /__emulator/partner"));
                Assert.That(answered.Where(a => !a.EndsWith(": 415, 403", StringComparison.Ordinal)), Is.Empty, "text/plain should get 415, JSON without the token 403");
            });
        }

        [Test]
        public async Task A_bodiless_post_without_a_content_type_is_refused_and_the_key_stays()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var kid = emulator.WebhookKeyId;

            var refused = await SendAsync(emulator, HttpMethod.Post, "__emulator/webhook_key/rotate", body: null, contentType: null);

            Assert.Multiple(() =>
            {
                Assert.That(refused.Status, Is.EqualTo(415), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("even with no body"));
                Assert.That(emulator.WebhookKeyId, Is.EqualTo(kid));
            });
        }

        [Test]
        public async Task A_preflight_is_never_granted_and_no_answer_carries_cors_headers()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var preflight = await SendAsync(emulator, HttpMethod.Options, "__emulator/customers/status", body: null, contentType: null,
                ("Origin", "http://attacker.example"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type"));
            var index = await SendAsync(emulator, HttpMethod.Get, "__emulator", body: null, contentType: null, ("Origin", "http://attacker.example"));
            var page = await SendAsync(emulator, HttpMethod.Get, "__emulator/console", body: null, contentType: null, ("Origin", "http://attacker.example"));

            Assert.Multiple(() =>
            {
                Assert.That(preflight.Status, Is.Not.InRange(200, 299));
                Assert.That(preflight.CorsHeaders, Is.Empty);
                Assert.That(index.CorsHeaders, Is.Empty);
                Assert.That(page.CorsHeaders, Is.Empty);
            });
        }

        [TestCase("Origin")]
        [TestCase("Sec-Fetch-Site")]
        public async Task A_browser_request_without_the_token_is_refused_with_403_and_changes_nothing(string browserHeader)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);
            var value = browserHeader == "Origin" ? emulator.BaseAddress.GetLeftPart(UriPartial.Authority) : "same-origin";

            var refused = await SendAsync(emulator, HttpMethod.Post, "__emulator/customers/status", Approve(id), "application/json", (browserHeader, value));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(403), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("no Emulator-Console-Token"));
                Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
            });
        }

        [Test]
        public async Task A_browser_request_with_a_wrong_token_is_refused_with_403()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await using var other = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);
            var otherRunsToken = await ConsolePageText.TokenAsync(other);

            var refused = await SendAsync(emulator, HttpMethod.Post, "__emulator/customers/status", Approve(id), "application/json",
                ("Origin", emulator.BaseAddress.GetLeftPart(UriPartial.Authority)), (TokenHeader, otherRunsToken));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Status, Is.EqualTo(403), refused.Text);
                Assert.That(refused.Json["error"]!.ToString(), Does.Contain("a wrong Emulator-Console-Token"));
                Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
            });
        }

        [Test]
        public async Task A_browser_request_with_the_token_of_the_console_page_is_accepted()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);
            var token = await ConsolePageText.TokenAsync(emulator);

            var accepted = await SendAsync(emulator, HttpMethod.Post, "__emulator/customers/status", Approve(id), "application/json; charset=utf-8",
                ("Origin", emulator.BaseAddress.GetLeftPart(UriPartial.Authority)), ("Sec-Fetch-Site", "same-origin"), (TokenHeader, token));

            Assert.That(accepted.Status, Is.EqualTo(200), accepted.Text);
            Assert.That((await emulator.GetCustomersAsync()).Single().Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
        }

        [Test]
        public async Task A_program_needs_json_but_no_token()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var kid = emulator.WebhookKeyId;

            var rotated = await SendAsync(emulator, HttpMethod.Post, "__emulator/webhook_key/rotate", body: null, contentType: "application/json");
            await emulator.ClearFaultsAsync();
            var newKid = await emulator.RotateWebhookKeyAsync();

            Assert.Multiple(() =>
            {
                Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
                Assert.That(newKid, Is.Not.EqualTo(kid));
                Assert.That(emulator.WebhookKeyId, Is.EqualTo(newKid));
            });
        }

        [Test]
        public async Task Each_run_has_its_own_token()
        {
            await using var first = await PlaidPartnerEmulator.StartAsync();
            await using var second = await PlaidPartnerEmulator.StartAsync();

            var a = await ConsolePageText.TokenAsync(first);
            var b = await ConsolePageText.TokenAsync(second);

            Assert.Multiple(() =>
            {
                Assert.That(a, Has.Length.GreaterThanOrEqualTo(40));
                Assert.That(a, Is.Not.EqualTo(b));
            });
        }

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

        private static string BodyFor(string path, string id) =>
            path.EndsWith("faults", StringComparison.OrdinalIgnoreCase) ? "{\"path\":\"*\",\"kind\":\"status\",\"status\":500}" : Approve(id);

        /// <summary>The customer is still under review and Plaid paths answer normally (no fault was set).</summary>
        private static async Task AssertNothingChangedAsync(PlaidPartnerEmulator emulator, string id)
        {
            Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
            var plaid = await RawPlaid.PostAsync(emulator, "/partner/customer/get", $"{{\"end_customer_client_id\":\"{id}\"}}");
            Assert.That(plaid.Status, Is.EqualTo(200), plaid.Text);
        }

        /// <summary>Every route under the control prefix, in any letter case.</summary>
        private static List<RouteEndpoint> ControlRoutes(PlaidPartnerEmulator emulator) =>
            emulator.RouteEndpoints
                .Where(e => e.RoutePattern.RawText?.StartsWith(PlaidPartnerEmulator.ControlPathPrefix, StringComparison.OrdinalIgnoreCase) == true)
                .ToList();

        private static string Approve(string id) => $"{{\"end_customer_client_id\":\"{id}\",\"status\":\"PENDING_ENABLEMENT\"}}";

        private static async Task<GuardedResponse> SendAsync(PlaidPartnerEmulator emulator, HttpMethod method, string path, string? body, string? contentType,
            params (string Name, string Value)[] headers)
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            using var request = new HttpRequestMessage(method, new Uri(emulator.BaseAddress, path));
            if (body is not null || contentType is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? string.Empty));
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var cors = response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Key)
                .ToList();
            return new GuardedResponse((int)response.StatusCode, text, cors);
        }

        private sealed record GuardedResponse(int Status, string Text, System.Collections.Generic.IReadOnlyList<string> CorsHeaders)
        {
            public Newtonsoft.Json.Linq.JObject Json => Newtonsoft.Json.Linq.JObject.Parse(Text);
        }
    }
}
