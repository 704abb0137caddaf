namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// A well-formed webhook whose <c>webhook_type</c> and <c>webhook_code</c> this version of the library has no model
    /// for: kept, not refused, so a receiver can log it or read <see cref="RawJson"/> itself.
    /// </summary>
    public sealed class UnknownPlaidWebhook : IPlaidWebhook
    {
        /// <summary>Creates the webhook from its parts.</summary>
        /// <param name="webhookType">The <c>webhook_type</c>.</param>
        /// <param name="webhookCode">The <c>webhook_code</c>.</param>
        /// <param name="rawJson">The body, unchanged.</param>
        public UnknownPlaidWebhook(string webhookType, string webhookCode, string rawJson)
        {
            WebhookType = webhookType;
            WebhookCode = webhookCode;
            RawJson = rawJson;
        }

        /// <inheritdoc/>
        public string WebhookType { get; }

        /// <inheritdoc/>
        public string WebhookCode { get; }

        /// <summary>The body as received (decoded from UTF-8, otherwise unchanged).</summary>
        public string RawJson { get; }

        /// <summary>The type and code.</summary>
        public override string ToString() => $"UnknownPlaidWebhook {{ WebhookType = {WebhookType}, WebhookCode = {WebhookCode} }}";
    }
}
