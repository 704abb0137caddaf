namespace Plaid.Partner.Ledger
{
    /// <summary>What <see cref="EndCustomerLedger.RefreshAllAsync"/> did: how many were read, changed and failed.</summary>
    public sealed class RefreshSummary
    {
        internal RefreshSummary(int read, int changed, IReadOnlyList<RefreshResult> failures, int rateLimitPauses)
        {
            Read = read;
            Changed = changed;
            Failures = failures;
            RateLimitPauses = rateLimitPauses;
        }

        /// <summary>How many end customers were read from Plaid and recorded.</summary>
        public int Read { get; }

        /// <summary>How many of them had at least one change.</summary>
        public int Changed { get; }

        /// <summary>The end customers that could not be refreshed, with why; the batch went on past each.</summary>
        public IReadOnlyList<RefreshResult> Failures { get; }

        /// <summary>How many times a 429 <c>RATE_LIMIT_EXCEEDED</c> paused the whole batch.</summary>
        public int RateLimitPauses { get; }

        /// <inheritdoc />
        public override string ToString() => $"RefreshSummary {{ Read = {Read}, Changed = {Changed}, Failed = {Failures.Count}, RateLimitPauses = {RateLimitPauses} }}";
    }
}
