namespace Plaid.Partner.Diagnostics
{
    /// <summary>The values of <see cref="PlaidTags.Outcome"/>: few and fixed, so a dashboard can group by them.</summary>
    internal static class PlaidOutcomes
    {
        public const string Success = "success";

        /// <summary>Plaid answered with an error (<c>PlaidApiException</c>).</summary>
        public const string PlaidError = "plaid_error";

        /// <summary><c>PlaidPartnerOptions.Timeout</c> or <c>AttemptTimeout</c> ran out.</summary>
        public const string Timeout = "timeout";

        /// <summary>The request could not be sent or the response not received.</summary>
        public const string TransportError = "transport_error";

        /// <summary>The caller cancelled.</summary>
        public const string Canceled = "canceled";

        /// <summary>Anything else.</summary>
        public const string Error = "error";
    }
}
