using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Plaid.Partner.AspNetCore;

namespace Plaid.Partner.Ledger.AspNetCore
{
    /// <summary>Treats an OAuth status webhook as a signal to read the end customer from Plaid, never as the truth itself.</summary>
    internal sealed class LedgerRefreshWebhookHandler : IPlaidWebhookHandler<PartnerEndCustomerOAuthStatusUpdatedWebhook>
    {
        private static readonly System.Action<ILogger, string, System.Exception?> UnknownLine = LoggerMessage.Define<string>(
            LogLevel.Information,
            new EventId(1, "UnknownEndCustomer"),
            "Ledger webhook: END_CUSTOMER_OAUTH_STATUS_UPDATED for client_id {ClientId}, which the ledger does not hold; nothing to do");

        private static readonly System.Action<ILogger, string, int, System.Exception?> RefreshedLine = LoggerMessage.Define<string, int>(
            LogLevel.Debug, new EventId(2, "Refreshed"), "Ledger webhook: refreshed reference {Reference} ({Changes} change(s))");

        private readonly EndCustomerLedger _ledger;
        private readonly ILogger _logger;

        public LedgerRefreshWebhookHandler(EndCustomerLedger ledger, ILogger<LedgerRefreshWebhookHandler> logger)
        {
            _ledger = ledger;
            _logger = logger;
        }

        public async Task HandleAsync(PartnerEndCustomerOAuthStatusUpdatedWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(webhook.EndCustomerClientId))
            {
                UnknownLine(_logger, "(none)", null);
                return;
            }

            var result = await _ledger.RefreshByClientIdAsync(webhook.EndCustomerClientId!, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                UnknownLine(_logger, webhook.EndCustomerClientId!, null);
                return;
            }

            RefreshedLine(_logger, result.Reference, result.Changes, null);
        }
    }
}
