namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>A record leased for a refresh: what the refresh and the next due time need.</summary>
    internal sealed record DueRecord(string Reference, OnboardingApi Api, string ClientId, string? Status, long? EnabledAt);
}
