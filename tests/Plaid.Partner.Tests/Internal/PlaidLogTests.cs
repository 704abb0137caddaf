using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.Internal
{
    /// <summary>
    /// What the client (and IHttpClientFactory's own handlers) log at Trace level: the useful facts, and never a secret,
    /// in messages, structured state, scopes or exceptions.
    /// </summary>
    public class PlaidLogTests
    {
        private const string ProductionSecret = "79g03eoofwl8240v776r2h667442119";
        private const string SandboxSecret = "b60b5201d006ca5a7081d27c824d77";

        private static readonly string[] Secrets = { MockPlaid.Secret, ProductionSecret, SandboxSecret };

        [Test]
        public async Task Nothing_logged_at_trace_level_contains_a_secret()
        {
            var records = await RunEveryKindOfCallAsync();

            Assert.That(records, Is.Not.Empty);
            foreach (var record in records)
            {
                var everything = Flatten(record);
                foreach (var secret in Secrets)
                {
                    Assert.That(everything, Does.Not.Contain(secret), $"{record.Category} event {record.Id}: {record.Message}");
                }
            }
        }

        [Test]
        public async Task Each_call_logs_path_status_duration_and_request_id_with_a_stable_event_id()
        {
            var records = await RunEveryKindOfCallAsync();

            var succeeded = records.Where(r => r.Id.Id == 1000).ToList();
            var failed = records.Where(r => r.Id.Id == 1001).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(succeeded.Select(r => Value(r, "Path")), Is.SupersetOf(new[] { "/partner/customer/get", "/partner/customer/enable", "/partner/customer/create" }));
                Assert.That(succeeded.Select(r => Value(r, "RequestId")), Has.All.EqualTo("4zlKapIkTm8p5KM"));
                Assert.That(succeeded.Select(r => Value(r, "StatusCode")), Has.All.EqualTo("200"));
                Assert.That(succeeded.Select(r => Value(r, "ElapsedMilliseconds")), Has.None.Null);
                Assert.That(failed.Single(r => Value(r, "Path") == "/partner/customer/remove").Message, Does.Contain("PARTNER_ERROR/CUSTOMER_REMOVAL_NOT_ALLOWED").And.Contain("400"));
                Assert.That(failed.Select(r => r.Level), Has.All.EqualTo(LogLevel.Warning));
            });
        }

        private static async Task<IReadOnlyList<FakeLogRecord>> RunEveryKindOfCallAsync()
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("https://production.plaid.com/partner/customer/create").Respond("application/json", PlaidExampleResponses.CreateResponse);
            mock.When("https://production.plaid.com/partner/customer/get").Respond("application/json", PlaidExampleResponses.GetResponse);
            mock.When("https://production.plaid.com/partner/customer/enable").Respond("application/json", PlaidExampleResponses.EnableResponse);
            mock.When("https://production.plaid.com/partner/customer/oauth_institutions/get").Respond(HttpStatusCode.BadRequest, "application/json",
                $$"""{"error_type":"INVALID_INPUT","error_code":"INVALID_API_KEYS","error_message":"invalid secret {{MockPlaid.Secret}}","display_message":null,"request_id":"r1"}""");
            mock.When("https://production.plaid.com/partner/customer/remove").Respond(HttpStatusCode.BadRequest, "application/json",
                """
                {"error_type":"PARTNER_ERROR","error_code":"CUSTOMER_REMOVAL_NOT_ALLOWED",
                 "error_message":"removal of a production-enabled end customer is not allowed.","display_message":null,"request_id":"r2"}
                """);
            mock.When("https://production.plaid.com/webhook_verification_key/get").Respond("application/json", $$"""{"production_secret":"{{ProductionSecret}}","key":""");

            var services = new ServiceCollection();
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            services.AddPlaidPartner(o =>
                {
                    o.ClientId = MockPlaid.ClientId;
                    o.Secret = MockPlaid.Secret;
                    o.Environment = PlaidEnvironment.Production;
                    o.Retry.MaxRetryAttempts = 0;
                })
                .ConfigurePrimaryHttpMessageHandler(() => mock);
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<PlaidPartnerClient>();

            await client.CreateEndCustomerAsync(Requests.Create());
            await client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");
            await client.EnableEndCustomerAsync("7f57eb3d2a9j6480121fx361");
            Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerOAuthInstitutionsAsync("7f57eb3d2a9j6480121fx361"));
            Assert.ThrowsAsync<PlaidApiException>(() => client.RemoveEndCustomerAsync("7f57eb3d2a9j6480121fx361"));
            Assert.ThrowsAsync<PlaidApiException>(() => client.GetWebhookVerificationKeyAsync("kid"));

            return provider.GetFakeLogCollector().GetSnapshot();
        }

        private static string? Value(FakeLogRecord record, string key) =>
            record.StructuredState?.FirstOrDefault(kv => kv.Key == key).Value;

        private static string Flatten(FakeLogRecord record) => string.Join(
            "\n",
            new[] { record.Message, record.Exception?.ToString(), record.State?.ToString() }
                .Concat(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? Enumerable.Empty<string>())
                .Concat(record.Scopes.Select(s => s?.ToString())));
    }
}
