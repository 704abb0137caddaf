using System;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>The concrete webhook types <c>PlaidWebhookParser</c> produces, which the endpoint dispatches on.</summary>
    internal static class WebhookModels
    {
        public static readonly Type[] Dispatched = { typeof(PartnerEndCustomerOAuthStatusUpdatedWebhook), typeof(Webhooks.UnknownPlaidWebhook) };
    }
}
