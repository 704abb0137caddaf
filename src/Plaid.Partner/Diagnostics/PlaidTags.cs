namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// Every tag name the library puts on a span or a measurement. Values are operation paths, Plaid's request ids,
    /// error types and codes, outcomes and counts: never a secret, a body or a header value. What a response body said
    /// is shown redacted and cut on spans, and only as a documented error type on metrics.
    /// </summary>
    internal static class PlaidTags
    {
        /// <summary>The operation's path, e.g. <c>/partner/customer/get</c>.</summary>
        public const string Operation = "plaid.operation";

        /// <summary><c>production</c> or <c>sandbox</c>.</summary>
        public const string Environment = "plaid.environment";

        /// <summary>Plaid's <c>request_id</c> of the response (span only: it is unique per call).</summary>
        public const string RequestId = "plaid.request_id";

        /// <summary>Plaid's <c>error_type</c>, e.g. <c>INVALID_INPUT</c>.</summary>
        public const string ErrorType = "plaid.error_type";

        /// <summary>Plaid's <c>error_code</c>, e.g. <c>INVALID_FIELD</c>.</summary>
        public const string ErrorCode = "plaid.error_code";

        /// <summary>How many times a call was retried (span only).</summary>
        public const string RetryCount = "plaid.retry_count";

        /// <summary>A call's outcome: <see cref="PlaidOutcomes"/>.</summary>
        public const string Outcome = "plaid.outcome";

        /// <summary>OpenTelemetry's class of error (set only on failure): a documented error type, <c>_OTHER</c>, a status or an exception type.</summary>
        public const string OpenTelemetryErrorType = "error.type";

        /// <summary><c>verified</c> or <c>refused</c>.</summary>
        public const string VerificationResult = "plaid.webhook.verification.result";

        /// <summary>A <see cref="Webhooks.WebhookVerificationFailureReason"/> name.</summary>
        public const string VerificationFailureReason = "plaid.webhook.verification.failure_reason";
    }
}
