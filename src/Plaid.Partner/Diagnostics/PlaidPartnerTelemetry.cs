namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// The names under which Plaid.Partner reports traces and metrics through <c>System.Diagnostics</c>, for an
    /// OpenTelemetry set-up such as <c>.WithTracing(t =&gt; t.AddSource(PlaidPartnerTelemetry.ActivitySourceName))</c> and
    /// <c>.WithMetrics(m =&gt; m.AddMeter(PlaidPartnerTelemetry.MeterName))</c>. Nothing is recorded until a listener
    /// subscribes to them.
    /// </summary>
    /// <remarks>
    /// Spans: one per client call (kind Client, named <c>Plaid</c> and the operation's path; HttpClient adds its own
    /// HTTP spans beneath it) and one per webhook verification. Metrics: <see cref="CallDurationInstrument"/>,
    /// <see cref="RetriesInstrument"/>, <see cref="WebhookVerificationsInstrument"/> and, from the
    /// Plaid.Partner.AspNetCore package, <see cref="WebhookEndpointResponsesInstrument"/>. Tags never hold a secret,
    /// a body or a header value.
    /// </remarks>
    public static class PlaidPartnerTelemetry
    {
        /// <summary>The <c>ActivitySource</c> name: <c>Plaid.Partner</c>.</summary>
        public const string ActivitySourceName = "Plaid.Partner";

        /// <summary>The <c>Meter</c> name: <c>Plaid.Partner</c> (the ASP.NET Core webhook endpoint's meter too).</summary>
        public const string MeterName = "Plaid.Partner";

        /// <summary>
        /// Histogram of a call's duration in seconds, retries and their waits included, tagged with
        /// <c>plaid.operation</c>, <c>plaid.outcome</c> and, on failure, <c>error.type</c>.
        /// </summary>
        public const string CallDurationInstrument = "plaid.partner.client.operation.duration";

        /// <summary>Counter of retries of read calls, tagged with <c>plaid.operation</c> and the failure's <c>error.type</c>.</summary>
        public const string RetriesInstrument = "plaid.partner.client.retries";

        /// <summary>
        /// Counter of webhook verifications, tagged with <c>plaid.webhook.verification.result</c> (<c>verified</c> or
        /// <c>refused</c>) and, when refused, <c>plaid.webhook.verification.failure_reason</c> (a
        /// <see cref="Webhooks.WebhookVerificationFailureReason"/> name).
        /// </summary>
        public const string WebhookVerificationsInstrument = "plaid.partner.webhook.verifications";

        /// <summary>
        /// Counter of the ASP.NET Core webhook endpoint's answers, tagged with <c>http.response.status_code</c> and
        /// <c>plaid.webhook.outcome</c>.
        /// </summary>
        public const string WebhookEndpointResponsesInstrument = "plaid.partner.webhook.endpoint.responses";
    }
}
