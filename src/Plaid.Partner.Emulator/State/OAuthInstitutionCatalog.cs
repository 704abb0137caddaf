using System.Collections.Generic;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>The OAuth institutions every emulated end customer is registered with: those of Plaid's example (Plaid API docs, Partner › /partner/customer/oauth_institutions/get).</summary>
    internal static class OAuthInstitutionCatalog
    {
        public static IReadOnlyList<(string Id, string Name)> Institutions { get; } = new[]
        {
            ("ins_56", "Chase"),
            ("ins_128026", "Capital One"),
            ("ins_1", "Bank of America"),
        };

        /// <summary>The error an ATTENTION_REQUIRED registration carries unless the control call names one (Plaid's example).</summary>
        public const string DefaultAttentionMessage = "Application logo is required";
    }
}
