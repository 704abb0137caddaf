using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.Webhooks;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.Diagnostics
{
    /// <summary>Where the client's measurements go: the host's meter factory when it has one, else the process's meter.</summary>
    public class PlaidMetricsTests
    {
        [Test]
        public async Task A_client_from_AddPlaidPartner_records_its_calls_on_the_hosts_meter_factory()
        {
            await using var provider = HostedProvider();
            var factory = provider.GetRequiredService<IMeterFactory>();
            using var duration = new MetricCollector<double>(factory, PlaidPartnerTelemetry.MeterName, PlaidPartnerTelemetry.CallDurationInstrument);

            var client = provider.GetRequiredService<PlaidPartnerClient>();
            await client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");

            Assert.Multiple(() =>
            {
                Assert.That(duration.GetMeasurementSnapshot().Single().Tags["plaid.operation"], Is.EqualTo("/partner/customer/get"));
                Assert.That(client.CallPipeline.Metrics, Is.Not.SameAs(PlaidMetrics.Unhosted), "the process-wide meter is for clients built without a host");
            });
        }

        [Test]
        public async Task The_webhook_verifier_from_AddPlaidPartner_counts_on_the_hosts_meter_factory()
        {
            await using var provider = HostedProvider();
            using var verifications = new MetricCollector<long>(
                provider.GetRequiredService<IMeterFactory>(), PlaidPartnerTelemetry.MeterName, PlaidPartnerTelemetry.WebhookVerificationsInstrument);

            // No header: refused before any key is fetched, and counted.
            var result = await provider.GetRequiredService<PlaidWebhookVerifier>().VerifyAsync(new byte[] { (byte)'{', (byte)'}' }, verificationHeader: null);

            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.False);
                Assert.That(verifications.GetMeasurementSnapshot().Single().Tags["plaid.webhook.verification.result"], Is.EqualTo("refused"));
            });
        }

        [Test]
        public async Task A_client_and_a_verifier_built_without_a_host_share_the_process_wide_meter()
        {
            using var plaid = new MockPlaid();
            using var verifications = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.WebhookVerifications);
            var verifier = new PlaidWebhookVerifier(plaid.Client);

            await verifier.VerifyAsync(new byte[] { (byte)'{', (byte)'}' }, verificationHeader: null);

            var meter = PlaidMeters.For(null, typeof(PlaidMetrics).Assembly);
            Assert.Multiple(() =>
            {
                Assert.That(plaid.Client.CallPipeline.Metrics, Is.SameAs(PlaidMetrics.Unhosted));
                Assert.That(verifications.GetMeasurementSnapshot(), Has.Count.EqualTo(1), "the verifier counts on its client's meter");
                Assert.That(PlaidMeters.For(null, typeof(PlaidMetrics).Assembly), Is.SameAs(meter), "one meter per assembly for the process");
            });
        }

        private static ServiceProvider HostedProvider()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Plaid:ClientId"] = MockPlaid.ClientId,
                ["Plaid:Secret"] = MockPlaid.Secret,
                ["Plaid:Environment"] = "sandbox",
            }).Build();
            var handler = new MockHttpMessageHandler();
            handler.When(HttpMethod.Post, "*").Respond(HttpStatusCode.OK, "application/json", PlaidExampleResponses.GetResponse);

            var services = new ServiceCollection();
            services.AddMetrics();
            services.AddPlaidPartner(configuration.GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => handler);
            return services.BuildServiceProvider();
        }
    }
}
