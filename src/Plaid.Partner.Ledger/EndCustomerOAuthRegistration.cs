namespace Plaid.Partner.Ledger
{
    /// <summary>An end customer's OAuth registration with one institution, as last read from Plaid.</summary>
    public sealed class EndCustomerOAuthRegistration
    {
        /// <summary>Creates a registration entry.</summary>
        /// <param name="institutionId">Plaid's institution id.</param>
        /// <param name="institutionName">The institution's name, when Plaid gave one.</param>
        /// <param name="status">The Production registration status, when Plaid gave one.</param>
        /// <param name="changedAt">When the ledger saw the status change last.</param>
        public EndCustomerOAuthRegistration(string institutionId, string? institutionName, PartnerEndCustomerOAuthInstitutionApplicationStatus? status, DateTimeOffset changedAt)
        {
            InstitutionId = institutionId ?? throw new ArgumentNullException(nameof(institutionId));
            InstitutionName = institutionName;
            Status = status;
            ChangedAt = changedAt;
        }

        /// <summary>Plaid's institution id.</summary>
        public string InstitutionId { get; }

        /// <summary>The institution's name, when Plaid gave one.</summary>
        public string? InstitutionName { get; }

        /// <summary>The Production registration status, when Plaid gave one.</summary>
        public PartnerEndCustomerOAuthInstitutionApplicationStatus? Status { get; }

        /// <summary>When the ledger saw <see cref="Status"/> change last (UTC).</summary>
        public DateTimeOffset ChangedAt { get; }

        /// <inheritdoc />
        public override string ToString() => $"{InstitutionId}: {Status?.ToString() ?? "unknown"} since {ChangedAt:O}";
    }
}
