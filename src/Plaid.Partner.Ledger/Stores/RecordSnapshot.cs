namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>What the ledger holds for one record that a read from Plaid is compared with: its status, what is due, when it was enabled, and each OAuth registration.</summary>
    internal sealed class RecordSnapshot
    {
        public RecordSnapshot(string? status, string? clientId, string? requirementsDue, long? enabledAt)
        {
            Status = status;
            ClientId = clientId;
            RequirementsDue = requirementsDue;
            EnabledAt = enabledAt;
        }

        public string? Status { get; }

        public string? ClientId { get; }

        /// <summary>As stored (<see cref="RecordReader.DueText"/>).</summary>
        public string? RequirementsDue { get; }

        /// <summary>When the status first became ACTIVE (Unix ms).</summary>
        public long? EnabledAt { get; }

        /// <summary>Each known institution's status and stuck flag, by institution id.</summary>
        public Dictionary<string, (string? Status, long? StuckAt, string? StuckStatus)> Institutions { get; } = new();
    }
}
