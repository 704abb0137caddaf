namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The answer to a claim: <see cref="Claimed"/> when this caller won the reference (and must send the create), else the
    /// record that was there.
    /// </summary>
    internal sealed record ClaimResult(bool Claimed, EndCustomerRecord? Existing, string? ExistingClaimId);
}
