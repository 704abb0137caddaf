namespace Plaid.Partner.Cli.Settings
{
    /// <summary>Where the ledger lives: a SQLite file, or a PostgreSQL database named by a connection string.</summary>
    internal sealed record LedgerLocation(string? SqlitePath, string? PostgresConnectionString)
    {
        public static LedgerLocation Sqlite(string path) => new(path, null);

        public static LedgerLocation Postgres(string connectionString) => new(null, connectionString);

        /// <summary>What diagnostics show: the file, or only that it is PostgreSQL (a connection string may hold a password).</summary>
        public override string ToString() => SqlitePath is not null ? $"SQLite {SqlitePath}" : "PostgreSQL (PLAID_PARTNER_LEDGER)";
    }
}
