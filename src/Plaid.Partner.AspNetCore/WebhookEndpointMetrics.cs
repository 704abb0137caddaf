using System.Diagnostics.Metrics;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// The endpoint's answers by status and outcome, on a meter named like the client library's
    /// (<see cref="PlaidPartnerTelemetry.MeterName"/>), so one <c>AddMeter("Plaid.Partner")</c> collects both. The meter
    /// comes as every meter of the library does (<see cref="PlaidMeters"/>): from the app's <see cref="IMeterFactory"/>
    /// (ASP.NET Core registers one) so tests and hosts stay apart, else one for the process.
    /// </summary>
    internal sealed class WebhookEndpointMetrics
    {
        public const string StatusCodeTag = "http.response.status_code";
        public const string OutcomeTag = "plaid.webhook.outcome";
        public const string WebhookTypeTag = "plaid.webhook.type";
        public const string WebhookCodeTag = "plaid.webhook.code";

        private readonly Counter<long> _responses;

        public WebhookEndpointMetrics(IMeterFactory? meterFactory = null)
        {
            var meter = PlaidMeters.For(meterFactory, typeof(WebhookEndpointMetrics).Assembly);
            _responses = meter.CreateCounter<long>(
                PlaidPartnerTelemetry.WebhookEndpointResponsesInstrument,
                unit: "{response}",
                description: "Answers of the Plaid webhook endpoint, by HTTP status and outcome.");
        }

        /// <summary>Counts an answer given before the webhook was parsed (or without one).</summary>
        public void Answered(int statusCode, string outcome)
        {
            if (_responses.Enabled)
            {
                _responses.Add(1, new(StatusCodeTag, statusCode), new(OutcomeTag, outcome));
            }
        }

        /// <summary>Counts an answer about a verified, parsed webhook; its type and code are Plaid's, so few.</summary>
        public void Answered(int statusCode, string outcome, string? webhookType, string? webhookCode)
        {
            if (_responses.Enabled)
            {
                _responses.Add(1, new(StatusCodeTag, statusCode), new(OutcomeTag, outcome), new(WebhookTypeTag, webhookType), new(WebhookCodeTag, webhookCode));
            }
        }
    }
}
