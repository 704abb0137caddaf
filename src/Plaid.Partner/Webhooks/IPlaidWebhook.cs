namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// A parsed Plaid webhook: <see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/> for the pair this library knows,
    /// <see cref="UnknownPlaidWebhook"/> for any other. Switch on the type.
    /// </summary>
    public interface IPlaidWebhook
    {
        /// <summary>The <c>webhook_type</c>, e.g. <c>PARTNER</c>; every Plaid webhook has one (the parser refuses a body without it).</summary>
        string WebhookType { get; }

        /// <summary>The <c>webhook_code</c>, e.g. <c>END_CUSTOMER_OAUTH_STATUS_UPDATED</c>; every Plaid webhook has one.</summary>
        string WebhookCode { get; }
    }
}
