using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Handles one kind of verified Plaid webhook: implement it for
    /// <see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/>, for <see cref="UnknownPlaidWebhook"/> (any type and code
    /// this library has no model for), for <see cref="IPlaidWebhook"/> (every webhook), or several, and register it with
    /// <see cref="PlaidWebhooksBuilder.AddHandler{THandler}"/>.
    /// </summary>
    /// <typeparam name="TWebhook">
    /// The webhook model: <see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/>, <see cref="UnknownPlaidWebhook"/> or
    /// <see cref="IPlaidWebhook"/>.
    /// </typeparam>
    /// <remarks>
    /// Handlers are resolved from the request's scope, so they may take scoped services. Keep them short: Plaid waits
    /// 10 seconds for an answer; hand slow work to a queue. Throwing answers 500 and Plaid delivers the webhook again,
    /// up to twice, a few minutes apart; Plaid may also send a webhook more than once, so make handling idempotent
    /// (Plaid API docs, Webhooks › Webhook retries and Best practices).
    /// </remarks>
    public interface IPlaidWebhookHandler<in TWebhook>
        where TWebhook : IPlaidWebhook
    {
        /// <summary>Handles <paramref name="webhook"/>, which Plaid signed and which has been parsed.</summary>
        /// <param name="webhook">The parsed webhook.</param>
        /// <param name="context">The request, the exact body and the verification result.</param>
        /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
        /// <returns>A task that completes when the webhook is handled.</returns>
        Task HandleAsync(TWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken);
    }
}
