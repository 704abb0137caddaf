namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// How the reconciler refreshes the ledger from Plaid (<see cref="EndCustomerLedger.ReconcileAsync"/>): records in
    /// motion every <see cref="Interval"/>, settled ones every <see cref="SettledInterval"/>. Copied when used.
    /// </summary>
    public sealed class EndCustomerReconcilerOptions
    {
        /// <summary>
        /// How often a record in motion is refreshed (changed in its last refresh, enabled within <see cref="RecentWindow"/>,
        /// or not ACTIVE yet), and how often the hosted reconciler runs a round. Default 15 minutes; at least 1 second.
        /// </summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>How often a settled record is refreshed. Default 24 hours; not shorter than <see cref="Interval"/>.</summary>
        public TimeSpan SettledInterval { get; set; } = TimeSpan.FromHours(24);

        /// <summary>
        /// How long after its enable a record counts as in motion: OAuth registrations run then (Plaid's reseller guide: most
        /// within 24 hours, some take weeks). Default 14 days.
        /// </summary>
        public TimeSpan RecentWindow { get; set; } = TimeSpan.FromDays(14);

        /// <summary>How many records one instance leases at a time, 1 to 1000. Default 100.</summary>
        public int BatchSize { get; set; } = 100;

        /// <summary>How many end customers one instance reads from Plaid at once, 1 to 64. Default 4.</summary>
        public int MaxConcurrency { get; set; } = 4;

        /// <summary>How long a lease lasts if its instance never releases it (it crashed). Default 10 minutes; at least 1 second.</summary>
        public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>What is wrong with these options, one line each; empty when they are usable.</summary>
        /// <param name="prefix">Prefixed to each setting's name.</param>
        /// <returns>The problems.</returns>
        public IReadOnlyList<string> Problems(string prefix = "EndCustomerReconcilerOptions.")
        {
            var problems = new List<string>();
            if (Interval < TimeSpan.FromSeconds(1))
            {
                problems.Add($"{prefix}Interval: {Interval} is shorter than 1 second.");
            }

            if (SettledInterval < Interval)
            {
                problems.Add($"{prefix}SettledInterval: {SettledInterval} is shorter than Interval ({Interval}).");
            }

            if (RecentWindow < TimeSpan.Zero)
            {
                problems.Add($"{prefix}RecentWindow: {RecentWindow} is negative.");
            }

            if (BatchSize is < 1 or > 1000)
            {
                problems.Add($"{prefix}BatchSize: {BatchSize} is not 1 to 1000.");
            }

            if (MaxConcurrency is < 1 or > 64)
            {
                problems.Add($"{prefix}MaxConcurrency: {MaxConcurrency} is not 1 to 64.");
            }

            if (LeaseDuration < TimeSpan.FromSeconds(1))
            {
                problems.Add($"{prefix}LeaseDuration: {LeaseDuration} is shorter than 1 second.");
            }

            return problems;
        }

        /// <inheritdoc />
        public override string ToString() =>
            $"EndCustomerReconcilerOptions {{ Interval = {Interval}, SettledInterval = {SettledInterval}, RecentWindow = {RecentWindow}, BatchSize = {BatchSize}, " +
            $"MaxConcurrency = {MaxConcurrency}, LeaseDuration = {LeaseDuration} }}";

        internal EndCustomerReconcilerOptions Copy() => new()
        {
            Interval = Interval,
            SettledInterval = SettledInterval,
            RecentWindow = RecentWindow,
            BatchSize = BatchSize,
            MaxConcurrency = MaxConcurrency,
            LeaseDuration = LeaseDuration,
        };
    }
}
