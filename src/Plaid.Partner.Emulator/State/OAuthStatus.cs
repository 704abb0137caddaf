using System;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// An institution's OAuth registration status: upper case in oauth_institutions/get
    /// (<c>PartnerEndCustomerOAuthInstitutionApplicationStatus</c>), lower kebab case in the
    /// END_CUSTOMER_OAUTH_STATUS_UPDATED webhook (<c>PartnerEndCustomerOAuthStatusUpdatedValues</c>).
    /// </summary>
    internal static class OAuthStatus
    {
        public const string NotStarted = "NOT_STARTED";
        public const string Processing = "PROCESSING";
        public const string Approved = "APPROVED";
        public const string Enabled = "ENABLED";
        public const string AttentionRequired = "ATTENTION_REQUIRED";

        public static readonly string[] All = { NotStarted, Processing, Approved, Enabled, AttentionRequired };

        /// <summary><c>ATTENTION_REQUIRED</c> becomes <c>attention-required</c>.</summary>
        public static string ToWebhookValue(string status) => status.ToLowerInvariant().Replace('_', '-');

        /// <summary>Accepts either spelling, e.g. <c>APPROVED</c> or <c>approved</c>, <c>attention-required</c>.</summary>
        public static string Parse(string value)
        {
            var normalized = value.Trim().ToUpperInvariant().Replace('-', '_');
            if (Array.IndexOf(All, normalized) < 0)
            {
                throw new ArgumentException($"'{value}' is not an OAuth status; use one of {string.Join(", ", All)}.");
            }

            return normalized;
        }
    }
}
