using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Webhooks
{
    /// <summary>One model a parsed webhook can be (<see cref="PlaidWebhookTable"/>): how to read it and how to hand it on typed.</summary>
    internal abstract class PlaidWebhookModel
    {
        public abstract Type Type { get; }

        /// <summary>Reads the model from a body whose type and code chose it; throws Newtonsoft's exceptions as they come.</summary>
        public abstract IPlaidWebhook? Read(JObject body, JsonSerializer serializer);

        /// <summary>Calls <paramref name="visitor"/> with <paramref name="webhook"/> as this model's type.</summary>
        public abstract TResult Accept<TResult>(IPlaidWebhook webhook, IPlaidWebhookVisitor<TResult> visitor);
    }
}
