namespace Plaid.Partner.Ledger
{
    /// <summary>One page of records, ordered by reference (ordinal).</summary>
    public sealed class EndCustomerPage
    {
        internal EndCustomerPage(IReadOnlyList<EndCustomerRecord> records, string? nextAfter)
        {
            Records = records;
            NextAfter = nextAfter;
        }

        /// <summary>The records on this page.</summary>
        public IReadOnlyList<EndCustomerRecord> Records { get; }

        /// <summary>Pass as <c>after</c> to read the next page; null on the last page.</summary>
        public string? NextAfter { get; }
    }
}
