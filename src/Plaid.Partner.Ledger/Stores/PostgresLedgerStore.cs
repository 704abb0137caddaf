using Npgsql;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The ledger in PostgreSQL, shared by several app instances. Claims rely on the primary key and on row locks under
    /// READ COMMITTED (a conditional UPDATE re-checks its condition on the row it waited for), and schema upgrades on a
    /// transaction-scoped advisory lock, so instances starting together upgrade once.
    /// </summary>
    internal sealed class PostgresLedgerStore : LedgerStore, IDisposable
    {
        // Any fixed number: the advisory lock that serializes the ledger's schema upgrades in one database.
        private const long SchemaLockKey = 0x504C_4149_444C_4544;

        private readonly NpgsqlDataSource _dataSource;

        public PostgresLedgerStore(string connectionString)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                // The ledger sends the same few statements over and over: prepared once per pooled connection, each later
                // run skips the server's parse and plan. A connection string that sets Max Auto Prepare keeps its own.
                builder.MaxAutoPrepare = 32;
            }

            _dataSource = NpgsqlDataSource.Create(builder);
        }

        public override LedgerStoreKind Kind => LedgerStoreKind.Postgres;

        public override async Task<long> BytesUsedAsync(CancellationToken cancellationToken)
        {
            using var connection = await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
            using var size = Command(
                connection,
                null,
                "SELECT pg_total_relation_size('plaid_end_customers') + pg_total_relation_size('plaid_end_customer_status_changes') + " +
                "pg_total_relation_size('plaid_end_customer_oauth')");
            return Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose() => _dataSource.Dispose();

        protected override async Task<DbConnection> OpenCoreAsync(CancellationToken cancellationToken) =>
            await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A write that need not be flushed does not wait for the server's WAL flush; PostgreSQL keeps commits in order, so a
        // crash loses only the latest such commits, never a flushed one after them.
        protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool flush, CancellationToken cancellationToken)
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!flush)
            {
                using var unflushed = Command(connection, transaction, "SET LOCAL synchronous_commit = off");
                await unflushed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return transaction;
        }

        protected override string LockRow => " FOR UPDATE OF c";

        protected override string SkipLocked => " FOR UPDATE SKIP LOCKED";

        protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
            AddLong(command, "@key", SchemaLockKey);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
