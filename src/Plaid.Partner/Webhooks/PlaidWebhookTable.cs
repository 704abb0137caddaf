using System;
using System.Collections.Generic;
using System.Linq;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Every webhook this library has a model for: (<c>webhook_type</c>, <c>webhook_code</c>) to the model. The parser
    /// reads bodies by it and the ASP.NET Core endpoint dispatches by it, so a new webhook is one line here plus its
    /// model (a partial of the generated class with its <c>Type</c> and <c>Code</c> and <see cref="IPlaidWebhook"/>).
    /// </summary>
    internal static class PlaidWebhookTable
    {
        private static readonly Dictionary<(string Type, string Code), PlaidWebhookModel> Known = new()
        {
            [(PartnerEndCustomerOAuthStatusUpdatedWebhook.Type, PartnerEndCustomerOAuthStatusUpdatedWebhook.Code)] = new PlaidWebhookModel<PartnerEndCustomerOAuthStatusUpdatedWebhook>(),
        };

        /// <summary>Any other pair: kept whole as <see cref="UnknownPlaidWebhook"/>.</summary>
        public static readonly PlaidWebhookModel Unknown = new PlaidWebhookModel<UnknownPlaidWebhook>();

        private static readonly Dictionary<Type, PlaidWebhookModel> ByType = Known.Values.Append(Unknown).ToDictionary(m => m.Type);

        /// <summary>Every class the parser returns, the unknown one last.</summary>
        public static IReadOnlyList<Type> Models { get; } = ByType.Keys.ToArray();

        /// <summary>The model of a known pair (compared ordinally).</summary>
        public static bool TryFind(string webhookType, string webhookCode, out PlaidWebhookModel model) =>
            Known.TryGetValue((webhookType, webhookCode), out model!);

        /// <summary>The model of a webhook the parser returned.</summary>
        /// <exception cref="InvalidOperationException"><paramref name="webhook"/> is of a class the parser never returns.</exception>
        public static PlaidWebhookModel ModelOf(IPlaidWebhook webhook) =>
            ByType.TryGetValue(webhook.GetType(), out var model)
                ? model
                : throw new InvalidOperationException($"{webhook.GetType().Name} is not a webhook PlaidWebhookParser returns.");
    }
}
