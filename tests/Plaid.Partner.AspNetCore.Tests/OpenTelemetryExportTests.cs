using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Plaid.Partner.AspNetCore.Tests.TestSupport;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>
    /// The OpenTelemetry SDK, wired as the README's "Traces and metrics" section shows, exports the library's spans and
    /// metrics: <c>AddSource("Plaid.Partner")</c> and <c>AddMeter("Plaid.Partner")</c>, with the app's request spans
    /// (ASP.NET Core instrumentation), whose sampling decision Plaid's spans follow.
    /// </summary>
    public class OpenTelemetryExportTests
    {
        [Test]
        public async Task A_webhook_delivery_exports_the_verification_and_key_fetch_spans_and_the_metrics()
        {
            var spans = new List<Activity>();
            var metrics = new List<Metric>();
            await using var app = await WebhookApp.StartAsync(services: s => s.AddOpenTelemetry()
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("Plaid.Partner")
                    .AddInMemoryExporter(spans))
                .WithMetrics(metering => metering
                    .AddMeter("Plaid.Partner")
                    .AddInMemoryExporter(metrics)));

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated);
            // The client can read the answer before ASP.NET Core stops the request's span; stopping the host waits for the
            // request to finish (its span stopped and exported), which a flush alone does not.
            await app.App.StopAsync();
            app.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
            app.App.Services.GetRequiredService<MeterProvider>().ForceFlush();

            var verification = spans.Single(s => s.DisplayName == "Plaid webhook verification");
            var fetch = spans.Single(s => s.DisplayName == "Plaid /webhook_verification_key/get");
            var request = spans.Single(s => s.Source.Name == "Microsoft.AspNetCore");
            var names = metrics.Select(m => m.Name).ToHashSet();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(verification.GetTagItem("plaid.webhook.verification.result"), Is.EqualTo("verified"));
                Assert.That(verification.ParentSpanId, Is.EqualTo(request.SpanId));
                Assert.That(fetch.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(fetch.ParentSpanId, Is.EqualTo(verification.SpanId));
                Assert.That(fetch.GetTagItem("plaid.request_id"), Has.Length.EqualTo(15));
                Assert.That(names, Is.SupersetOf(new[]
                {
                    "plaid.partner.client.operation.duration",
                    "plaid.partner.webhook.verifications",
                    "plaid.partner.webhook.endpoint.responses",
                }));
            });
        }
    }
}
