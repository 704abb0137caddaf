namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>What one read of an end customer from Plaid answered; <see cref="RequirementsDue"/> is null when the read had none (GA).</summary>
    internal sealed record PlaidRead(string? Status, IReadOnlyList<PlaidReadInstitution> Institutions, IReadOnlyList<PartnerEndCustomerRequirementDue>? RequirementsDue);
}
