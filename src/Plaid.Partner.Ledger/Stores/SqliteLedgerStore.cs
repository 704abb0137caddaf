using Microsoft.Data.Sqlite;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The ledger in one SQLite file. Writers take the file's lock in turn (a busy file is retried for up to 30 seconds
    /// by Microsoft.Data.Sqlite), so connections from several processes on one machine share it safely. The write-ahead
    /// log lets readers go on while a writer commits; <c>synchronous</c> is FULL unless the options say otherwise, so a
    /// recorded claim survives a power cut before its create is sent.
    /// </summary>
    internal sealed class SqliteLedgerStore : LedgerStore, IDisposable
    {
        private readonly string _connectionString;
        private readonly string _synchronous;
        private readonly bool _flushEveryCommit;

        public SqliteLedgerStore(string path, bool flushEveryCommit = true)
        {
            _flushEveryCommit = flushEveryCommit;
            _synchronous = flushEveryCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }

        public override LedgerStoreKind Kind => LedgerStoreKind.Sqlite;

        public override async Task<long> BytesUsedAsync(CancellationToken cancellationToken)
        {
            using var connection = (SqliteConnection)await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
            using (var checkpoint = Command(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)"))
            {
                await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var size = Command(connection, null, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
            return Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        protected override async Task<DbConnection> OpenCoreAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

                // Per connection, and cheap (no I/O): a pooled connection may have been opened before the setting applied.
                using var synchronous = Command(connection, null, _synchronous);
                await synchronous.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        // A connection opens at the configured setting; a write that need not be flushed lowers it for its transaction.
        // In the write-ahead log a later FULL commit's flush carries the earlier NORMAL commits to the disk too.
        protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool flush, CancellationToken cancellationToken)
        {
            if (!flush && _flushEveryCommit)
            {
                using var normal = Command(connection, null, "PRAGMA synchronous = NORMAL");
                await normal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            using var wal = Command(connection, null, "PRAGMA journal_mode = WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Microsoft.Data.Sqlite begins its transactions IMMEDIATE: the file's write lock is taken at BEGIN, so the
        // transaction itself serializes upgrades.
        protected override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
