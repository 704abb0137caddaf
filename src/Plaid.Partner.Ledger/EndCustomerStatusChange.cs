namespace Plaid.Partner.Ledger
{
    /// <summary>One change of an end customer's status, as the ledger saw it.</summary>
    public sealed class EndCustomerStatusChange
    {
        /// <summary>Creates a status change.</summary>
        /// <param name="status">The status it moved to.</param>
        /// <param name="changedAt">When the ledger recorded it.</param>
        public EndCustomerStatusChange(PartnerEndCustomerStatus status, DateTimeOffset changedAt)
        {
            Status = status;
            ChangedAt = changedAt;
        }

        /// <summary>The status it moved to.</summary>
        public PartnerEndCustomerStatus Status { get; }

        /// <summary>When the ledger recorded the change (UTC).</summary>
        public DateTimeOffset ChangedAt { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Status} at {ChangedAt:O}";
    }
}
