namespace Plaid.Partner.Ledger
{
    /// <summary>An OAuth registration the ledger flagged stuck (<see cref="EndCustomerLedger.ListStuckAsync"/>).</summary>
    public sealed class StuckRegistration
    {
        internal StuckRegistration(
            string reference,
            string? clientId,
            string institutionId,
            string? institutionName,
            PartnerEndCustomerOAuthInstitutionApplicationStatus? status,
            DateTimeOffset? enabledAt,
            DateTimeOffset flaggedAt,
            string reason)
        {
            Reference = reference;
            ClientId = clientId;
            InstitutionId = institutionId;
            InstitutionName = institutionName;
            Status = status;
            EnabledAt = enabledAt;
            FlaggedAt = flaggedAt;
            Reason = reason;
        }

        /// <summary>The partner's reference of the end customer.</summary>
        public string Reference { get; }

        /// <summary>Plaid's <c>client_id</c> for the end customer.</summary>
        public string? ClientId { get; }

        /// <summary>Plaid's institution id.</summary>
        public string InstitutionId { get; }

        /// <summary>The institution's name, when Plaid gave one.</summary>
        public string? InstitutionName { get; }

        /// <summary>The registration's Production status as last read.</summary>
        public PartnerEndCustomerOAuthInstitutionApplicationStatus? Status { get; }

        /// <summary>When the ledger first saw the end customer ACTIVE, from which the business days are counted.</summary>
        public DateTimeOffset? EnabledAt { get; }

        /// <summary>When the ledger flagged it (UTC).</summary>
        public DateTimeOffset FlaggedAt { get; }

        /// <summary>Why: Plaid's error message for ATTENTION_REQUIRED, or how long it has waited.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Reference} {InstitutionId}: {Status?.ToString() ?? "unknown"} since {FlaggedAt:O} ({Reason})";
    }
}
