namespace Plaid.Partner.Ledger
{
    /// <summary>What refreshing one end customer from Plaid found (reported to <see cref="EndCustomerLedger.RefreshAllAsync"/>'s progress).</summary>
    public sealed class RefreshResult
    {
        internal RefreshResult(string reference, int changes, Exception? failure)
        {
            Reference = reference;
            Changes = changes;
            Failure = failure;
        }

        /// <summary>The partner's reference.</summary>
        public string Reference { get; }

        /// <summary>How many changes were recorded: the status, plus one per institution whose OAuth status changed.</summary>
        public int Changes { get; }

        /// <summary>Why the refresh failed, or null when it succeeded.</summary>
        public Exception? Failure { get; }

        /// <inheritdoc />
        public override string ToString() => Failure is null ? $"{Reference}: {Changes} change(s)" : $"{Reference}: failed ({Failure.GetType().Name})";
    }
}
