using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Validation;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Faults
{
    /// <summary>Faults injected per path reach PlaidPartnerClient as Plaid's would.</summary>
    public class FaultInjectorTests
    {
        private const string GetPath = "/partner/customer/get";

        [Test]
        public async Task A_500_without_retry_after_is_plaids_internal_server_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(500));

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(500));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.ApiError));
                Assert.That(refused.ErrorCode, Is.EqualTo("INTERNAL_SERVER_ERROR"));
                Assert.That(refused.ErrorMessage, Is.EqualTo("an unexpected error occurred"));
                Assert.That(refused.ResponseHeaders.Keys, Has.None.EqualTo("Retry-After"));
            });
        }

        [Test]
        public async Task A_503_with_retry_after_is_planned_maintenance_with_the_header()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(503, TimeSpan.FromSeconds(6.2)));

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(503));
                Assert.That(refused.ErrorCode, Is.EqualTo("PLANNED_MAINTENANCE"));
                Assert.That(refused.ResponseHeaders["Retry-After"], Is.EqualTo(new[] { "7" }));
            });
        }

        [Test]
        public async Task A_rate_limit_is_429_rate_limit_exceeded()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.RateLimit(TimeSpan.FromSeconds(30)));

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(429));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.RateLimitExceeded));
                Assert.That(refused.ErrorCode, Is.EqualTo("RATE_LIMIT"));
                Assert.That(refused.ErrorMessage, Is.EqualTo("rate limit exceeded for attempts to access this item. please try again later"));
                Assert.That(refused.ResponseHeaders["Retry-After"], Is.EqualTo(new[] { "30" }));
            });
        }

        [Test]
        public async Task A_raw_body_reaches_the_client_as_a_snippet_without_a_plaid_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(502, body: "<html>502 Bad Gateway</html>"));

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(502));
                Assert.That(refused.Error, Is.Null);
                Assert.That(refused.ResponseBodySnippet, Does.Contain("502 Bad Gateway"));
            });
        }

        [Test]
        public async Task A_delay_longer_than_the_client_timeout_times_out_and_after_a_short_one_the_usual_answer_comes()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var options = emulator.CreateClientOptions();
            options.Timeout = TimeSpan.FromMilliseconds(200);
            var usual = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Delay(TimeSpan.FromMinutes(5)).Times(1));

            Assert.ThrowsAsync<TimeoutException>(() => new PlaidPartnerClient(options).GetEndCustomerAsync("any"));

            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Delay(TimeSpan.FromMilliseconds(1)));
            var answered = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));

            // The delay's length is not measured (no timed tests); what it leaves is: the answer a request gets without it.
            Assert.Multiple(() =>
            {
                Assert.That(answered!.StatusCode, Is.EqualTo(usual!.StatusCode));
                Assert.That(answered.ErrorType, Is.EqualTo(usual.ErrorType));
                Assert.That(answered.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
                Assert.That(answered.ErrorMessage, Is.EqualTo(usual.ErrorMessage));
            });
        }

        [Test]
        public async Task A_dropped_connection_is_a_transport_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.DropConnection());

            Assert.ThrowsAsync<HttpRequestException>(() => emulator.CreateClientWithoutRetries().GetEndCustomerAsync("any"));
        }

        [Test]
        public async Task A_fault_limited_to_two_requests_catches_exactly_two()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClientWithoutRetries();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(500).Times(2));

            var codes = new string?[3];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("any"))!.ErrorCode;
            }

            Assert.That(codes, Is.EqualTo(new[] { "INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR", "CUSTOMER_NOT_FOUND" }));
        }

        [Test]
        public async Task A_read_with_retries_gets_through_a_fault_limited_to_two_requests()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var options = emulator.CreateClientOptions();
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.UseJitter = false;
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(503).Times(2));

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => new PlaidPartnerClient(options).GetEndCustomerAsync("any"));

            Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound), "the third attempt passed both faults");
        }

        [Test]
        public async Task A_fault_on_every_path_catches_all_plaid_paths_and_a_paths_own_fault_wins()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClientWithoutRetries();
            await emulator.InjectFaultAsync("*", EmulatorFault.Status(503));
            await emulator.InjectFaultAsync("/partner/customer/remove", EmulatorFault.RateLimit());
            var paths = (await BundledContract.GetAsync()).RequestSchemas.Keys.ToList();

            var get = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("any"));
            var key = Assert.ThrowsAsync<PlaidApiException>(() => client.GetWebhookVerificationKeyAsync("any"));
            var codes = new Dictionary<string, string>();
            foreach (var path in paths)
            {
                codes[path] = (await RawPlaid.PostAsync(emulator, path, "{}")).Json["error_code"]!.ToString();
            }

            var customers = await emulator.GetCustomersAsync(); // control endpoints are never caught

            Assert.Multiple(() =>
            {
                Assert.That(get!.ErrorCode, Is.EqualTo("PLANNED_MAINTENANCE"));
                Assert.That(key!.ErrorCode, Is.EqualTo("PLANNED_MAINTENANCE"));
                Assert.That(paths, Has.Count.GreaterThan(5).And.Contains("/partner/customer/create"), "every path of the bundled contract");
                Assert.That(codes.Where(c => c.Key != "/partner/customer/remove").Select(c => c.Value), Is.All.EqualTo("PLANNED_MAINTENANCE"));
                Assert.That(codes["/partner/customer/remove"], Is.EqualTo("RATE_LIMIT"));
                Assert.That(customers, Is.Empty);
            });
        }

        [Test]
        public async Task A_fault_comes_before_the_credential_check_and_only_on_its_path()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync(GetPath, EmulatorFault.Status(500));

            var faulted = await RawPlaid.PostAsync(emulator, GetPath, "{}", secret: "wrong");
            var otherPath = await RawPlaid.PostAsync(emulator, "/partner/customer/remove", "{}", secret: "wrong");

            Assert.Multiple(() =>
            {
                Assert.That(faulted.Json["error_code"]!.ToString(), Is.EqualTo("INTERNAL_SERVER_ERROR"));
                Assert.That(otherPath.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_API_KEYS"));
            });
        }

        [Test]
        public async Task Clearing_faults_restores_normal_answers()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync("*", EmulatorFault.DropConnection());

            await emulator.ClearFaultsAsync();

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => emulator.CreateClient().GetEndCustomerAsync("any"));
            Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
        }

        [Test]
        public async Task A_path_the_emulator_does_not_serve_is_refused()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var refused = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.InjectFaultAsync("/item/get", EmulatorFault.Status(500)));

            Assert.That(refused!.Message, Does.Contain("/item/get").And.Contain("/partner/customer/get"));
        }

        [Test]
        public void Fault_arguments_are_checked()
        {
            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(200));
                Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(500, TimeSpan.FromSeconds(-1)));
                Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.Zero));
                Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.DropConnection().Times(0));
                Assert.That(EmulatorFault.RateLimit(TimeSpan.FromSeconds(2)).Times(3).ToString(), Is.EqualTo("RateLimit 429 Retry-After 2 x3"));
            });
        }
    }
}
