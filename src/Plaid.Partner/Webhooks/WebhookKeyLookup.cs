namespace Plaid.Partner.Webhooks
{
    /// <summary>What the key cache found for a <c>kid</c>: a usable key, or why there is none.</summary>
    internal sealed class WebhookKeyLookup
    {
        private WebhookKeyLookup(WebhookSigningKey? key, WebhookVerificationFailureReason? failure, string message)
        {
            Key = key;
            Failure = failure;
            Message = message;
        }

        public WebhookSigningKey? Key { get; }

        /// <summary>Set exactly when <see cref="Key"/> is null.</summary>
        public WebhookVerificationFailureReason? Failure { get; }

        public string Message { get; }

        public static WebhookKeyLookup Found(WebhookSigningKey key) => new(key, null, string.Empty);

        public static WebhookKeyLookup Failed(WebhookVerificationFailureReason failure, string message) => new(null, failure, message);
    }
}
