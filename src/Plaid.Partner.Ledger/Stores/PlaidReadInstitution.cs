namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>One institution's OAuth registration in a read, with the first registration error's message.</summary>
    internal sealed record PlaidReadInstitution(string InstitutionId, string? Name, string? Status, string? ErrorMessage);
}
