namespace Plaid.Partner.AspNetCore
{
    /// <summary>The values of the <c>plaid.webhook.outcome</c> tag: what the endpoint did with a delivery.</summary>
    internal static class WebhookOutcomes
    {
        /// <summary>200: every handler succeeded.</summary>
        public const string Handled = "handled";

        /// <summary>200: verified and parsed, but no handler is registered for its type.</summary>
        public const string Unhandled = "unhandled";

        /// <summary>200: the same token was already handled (only with duplicate suppression on).</summary>
        public const string Duplicate = "duplicate";

        /// <summary>400: verification refused it.</summary>
        public const string Refused = "refused";

        /// <summary>503: Plaid's key could not be fetched (or the fetch limit was reached), so it could not be verified; Plaid delivers it again.</summary>
        public const string NotVerifiable = "not_verifiable";

        /// <summary>400: verified, but not a webhook the parser can read.</summary>
        public const string Unparseable = "unparseable";

        /// <summary>413: the body is over the cap.</summary>
        public const string TooLarge = "too_large";

        /// <summary>500: a handler threw; Plaid delivers it again.</summary>
        public const string HandlerFailed = "handler_failed";
    }
}
