namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>What is recorded under a reference before its create is sent.</summary>
    internal sealed record LedgerIntent(string Reference, OnboardingApi Api, string Environment, string CompanyName, string ApplicationName);
}
