using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Webhooks
{
    /// <summary>The model <typeparamref name="TWebhook"/> in <see cref="PlaidWebhookTable"/>.</summary>
    /// <typeparam name="TWebhook">The webhook's class.</typeparam>
    internal sealed class PlaidWebhookModel<TWebhook> : PlaidWebhookModel
        where TWebhook : class, IPlaidWebhook
    {
        public override Type Type => typeof(TWebhook);

        public override IPlaidWebhook? Read(JObject body, JsonSerializer serializer) => body.ToObject<TWebhook>(serializer);

        public override TResult Accept<TResult>(IPlaidWebhook webhook, IPlaidWebhookVisitor<TResult> visitor) => visitor.Visit((TWebhook)webhook);
    }
}
