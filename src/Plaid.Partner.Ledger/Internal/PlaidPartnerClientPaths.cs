namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>The create paths, for the errors that name them.</summary>
    internal static class PlaidPartnerClientPaths
    {
        public const string Create = "/partner/customer/create";

        public const string BetaCreate = "/beta/partner/customer/v1/create";
    }
}
