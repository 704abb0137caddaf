using System;
using Plaid.Partner.AspNetCore;

namespace Plaid.Partner.Ledger.AspNetCore
{
    /// <summary>Connects the webhook endpoint to the ledger.</summary>
    public static class PlaidWebhooksBuilderLedgerExtensions
    {
        /// <summary>
        /// On each verified <c>END_CUSTOMER_OAUTH_STATUS_UPDATED</c>, refreshes the end customer it names from Plaid's API
        /// (<see cref="EndCustomerLedger.RefreshByClientIdAsync"/>) instead of recording the payload: Plaid delivers each
        /// webhook at least once and not in order (Plaid's webhook guide), so a duplicate changes nothing and a late, older
        /// delivery cannot move a recorded status backwards. A <c>client_id</c> the ledger does not hold is logged and
        /// answered 200 (nothing to do); a failed read answers 500, so Plaid delivers it again. Needs
        /// <c>AddPlaidPartnerLedger</c>.
        /// </summary>
        /// <param name="builder">The webhook registration from <c>AddPlaidPartnerWebhooks</c>.</param>
        /// <returns>The builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
        public static PlaidWebhooksBuilder AddLedgerRefresh(this PlaidWebhooksBuilder builder)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            return builder.AddHandler<LedgerRefreshWebhookHandler>();
        }
    }
}
