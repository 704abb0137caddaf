namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// Where the ledger keeps its records and how long a create may be in flight. Choose one store:
    /// <see cref="UseSqlite"/> (one file; one app instance, or several on one machine) or <see cref="UsePostgres"/>
    /// (several app instances sharing one ledger). Copied when the ledger is built.
    /// </summary>
    public sealed class EndCustomerLedgerOptions
    {
        /// <summary>The default <see cref="InFlightTimeout"/>: 10 minutes, well past the client's 60-second default call timeout.</summary>
        public static readonly TimeSpan DefaultInFlightTimeout = TimeSpan.FromMinutes(10);

        /// <summary>The default <see cref="StuckAfterBusinessDays"/>: 3, the wait after which Plaid's reseller guide says to contact your account manager.</summary>
        public const int DefaultStuckAfterBusinessDays = 3;

        /// <summary>The store chosen, or null before <see cref="UseSqlite"/> or <see cref="UsePostgres"/>.</summary>
        public LedgerStoreKind? Store { get; private set; }

        /// <summary>
        /// The SQLite file path or the PostgreSQL connection string. Never logged or shown: a connection string may hold a
        /// password (<see cref="ToString"/> leaves it out).
        /// </summary>
        public string? Connection { get; private set; }

        /// <summary>
        /// How long a claimed create may stay <see cref="EndCustomerCreateState.Pending"/> before the ledger counts it in
        /// doubt (its process may have died after sending). Longer than the client's <c>PlaidPartnerOptions.Timeout</c>.
        /// Defaults to <see cref="DefaultInFlightTimeout"/>.
        /// </summary>
        public TimeSpan InFlightTimeout { get; set; } = DefaultInFlightTimeout;

        /// <summary>
        /// Whether SQLite flushes the claim (and an operator's settle) to the disk before it returns, so that a machine crash
        /// cannot forget a claim whose create was sent (SQLite's <c>synchronous=FULL</c> for those commits; the default: true).
        /// The ledger's other writes are never flushed on their own (<c>synchronous=NORMAL</c>): losing one leaves the record
        /// in doubt, the safe side. False uses <c>synchronous=NORMAL</c> for the claim too, several times faster: a commit
        /// still survives the app's crash or kill, but a claim lost with the machine would let its create be sent again. Leave
        /// it true unless the machine's storage guarantees its writes. Ignored by PostgreSQL, whose server decides.
        /// </summary>
        public bool SqliteFlushEveryCommit { get; set; } = true;

        /// <summary>
        /// How many business days (Monday to Friday, UTC) after the end customer's enable an OAuth registration that has not
        /// reached APPROVED or ENABLED is flagged stuck; 1 to 60. Defaults to <see cref="DefaultStuckAfterBusinessDays"/>.
        /// ATTENTION_REQUIRED is flagged at once whatever this says.
        /// </summary>
        public int StuckAfterBusinessDays { get; set; } = DefaultStuckAfterBusinessDays;

        /// <summary>Keeps the ledger in a SQLite file, created with its tables if missing (the embedded default).</summary>
        /// <param name="path">The file path, e.g. <c>ledger.db</c>; its folder must exist.</param>
        /// <returns>These options.</returns>
        /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
        public EndCustomerLedgerOptions UseSqlite(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("The SQLite ledger needs a file path.", nameof(path));
            }

            Store = LedgerStoreKind.Sqlite;
            Connection = path;
            return this;
        }

        /// <summary>
        /// Keeps the ledger in PostgreSQL, for several app instances sharing it. The tables are created in the connection's
        /// first search-path schema (<c>Search Path=</c> in the connection string chooses another).
        /// </summary>
        /// <param name="connectionString">An Npgsql connection string.</param>
        /// <returns>These options.</returns>
        /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, empty or white space.</exception>
        public EndCustomerLedgerOptions UsePostgres(string connectionString)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ArgumentException("The PostgreSQL ledger needs a connection string.", nameof(connectionString));
            }

            Store = LedgerStoreKind.Postgres;
            Connection = connectionString;
            return this;
        }

        /// <summary>What is wrong with these options, one line each; empty when they are usable.</summary>
        /// <param name="prefix">Prefixed to each setting's name (e.g. a configuration path).</param>
        /// <returns>The problems.</returns>
        public IReadOnlyList<string> Problems(string prefix = "EndCustomerLedgerOptions.")
        {
            var problems = new List<string>();
            if (Store is null || string.IsNullOrWhiteSpace(Connection))
            {
                problems.Add($"{prefix}Store: no store chosen; call UseSqlite(path) or UsePostgres(connectionString).");
            }

            if (InFlightTimeout <= TimeSpan.Zero)
            {
                problems.Add($"{prefix}InFlightTimeout: {InFlightTimeout} is not positive.");
            }

            if (StuckAfterBusinessDays is < 1 or > 60)
            {
                problems.Add($"{prefix}StuckAfterBusinessDays: {StuckAfterBusinessDays} is not 1 to 60.");
            }

            return problems;
        }

        /// <inheritdoc />
        public override string ToString() =>
            $"EndCustomerLedgerOptions {{ Store = {Store?.ToString() ?? "none"}, InFlightTimeout = {InFlightTimeout}, SqliteFlushEveryCommit = {SqliteFlushEveryCommit}, " +
            $"StuckAfterBusinessDays = {StuckAfterBusinessDays} }}";

        internal EndCustomerLedgerOptions Copy() =>
            new() { Store = Store, Connection = Connection, InFlightTimeout = InFlightTimeout, SqliteFlushEveryCommit = SqliteFlushEveryCommit, StuckAfterBusinessDays = StuckAfterBusinessDays };
    }
}
