using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The ledger in one SQLite file. Writers take the file's lock in turn (a busy file is retried for up to 30 seconds
    /// by Microsoft.Data.Sqlite), so connections from several processes on one machine share it safely. The write-ahead
    /// log lets readers go on while a writer commits; <c>synchronous</c> stays at SQLite's FULL default, so a recorded
    /// claim survives a power cut before its create is sent.
    /// </summary>
    internal sealed class SqliteLedgerStore : LedgerStore, IDisposable
    {
        private readonly string _connectionString;

        public SqliteLedgerStore(string path)
        {
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
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
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
