using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Integration
{
    /// <summary>The whole client, registered with DI and logging at Trace, against the emulator: no secret in any log record.</summary>
    public class ClientLoggingTests
    {
        [Test]
        public async Task A_full_lifecycle_at_trace_level_logs_no_secret_anywhere()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var emulatorOptions = emulator.CreateClientOptions();
            var services = new ServiceCollection();
            services.AddTraceLogCapture();
            services.AddPlaidPartner(o =>
            {
                o.ClientId = emulatorOptions.ClientId;
                o.Secret = emulatorOptions.Secret;
                o.Environment = PlaidEnvironment.Production;
                o.BaseAddress = emulator.BaseAddress;
                o.Retry.MaxRetryAttempts = 0;
            });
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<PlaidPartnerClient>();
            var secrets = new List<string> { emulator.Secret };

            var created = await client.CreateEndCustomerAsync(CreateRequests.Valid());
            secrets.Add(created.EndCustomer!.Secrets!.Sandbox!);
            secrets.Add(created.EndCustomer.Secrets.Production!);
            var id = created.EndCustomer.ClientId!;
            await client.GetEndCustomerAsync(id);
            await client.GetEndCustomerOAuthInstitutionsAsync(id);
            Assert.ThrowsAsync<PlaidApiException>(() => client.EnableEndCustomerAsync(id), "UNDER_REVIEW is not ready for enablement");
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            var enabled = await client.EnableEndCustomerAsync(id);
            secrets.Add(enabled.ProductionSecret!);
            Assert.ThrowsAsync<PlaidApiException>(() => client.RemoveEndCustomerAsync(id), "ACTIVE customers cannot be removed");
            await client.GetWebhookVerificationKeyAsync(emulator.WebhookKeyId);

            var records = provider.GetFakeLogCollector().GetSnapshot();
            Assert.That(records.Count(r => r.Id.Id is 1000 or 1001), Is.EqualTo(7), "one line per call: create, get, oauth, enable refused, enable, remove refused, key");
            foreach (var record in records)
            {
                var everything = record.Everything();
                foreach (var secret in secrets)
                {
                    Assert.That(everything, Does.Not.Contain(secret), $"event {record.Id} of {record.Category}");
                }
            }
        }
    }
}
