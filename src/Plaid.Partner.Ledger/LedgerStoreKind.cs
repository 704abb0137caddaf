namespace Plaid.Partner.Ledger
{
    /// <summary>The ledger's stores. Both keep the same tables and pass the same tests.</summary>
    public enum LedgerStoreKind
    {
        /// <summary>A SQLite file (Microsoft.Data.Sqlite): the embedded default.</summary>
        Sqlite = 0,

        /// <summary>A PostgreSQL database (Npgsql): one ledger for several app instances.</summary>
        Postgres = 1,
    }
}
