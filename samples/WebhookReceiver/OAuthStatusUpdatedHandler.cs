using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Plaid.Partner.AspNetCore;

namespace Plaid.Partner.Samples.WebhookReceiver
{
    /// <summary>An end customer's OAuth registration with a bank changed: here it is logged.</summary>
    /// <remarks>
    /// Keep handlers fast (Plaid waits 10 seconds) and idempotent (Plaid may deliver a webhook twice): hand the update to
    /// a queue or a store rather than to slow work. Throwing answers 500, and Plaid delivers the webhook again.
    /// </remarks>
    public sealed partial class OAuthStatusUpdatedHandler(ILogger<OAuthStatusUpdatedHandler> logger)
        : IPlaidWebhookHandler<PartnerEndCustomerOAuthStatusUpdatedWebhook>
    {
        public Task HandleAsync(PartnerEndCustomerOAuthStatusUpdatedWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
        {
            LogUpdate(logger, webhook.EndCustomerClientId, webhook.InstitutionId, webhook.Status.ToString(), webhook.Environment.ToString());
            return Task.CompletedTask;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "End customer {EndCustomer} OAuth status at {Institution} is now {Status} ({Environment})")]
        private static partial void LogUpdate(ILogger logger, string? endCustomer, string? institution, string? status, string? environment);
    }
}
