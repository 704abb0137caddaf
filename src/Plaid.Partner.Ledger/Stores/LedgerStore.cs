using System.Data;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The one store contract, in plain ADO.NET: every statement is the same SQL on SQLite and PostgreSQL (both have
    /// <c>INSERT … ON CONFLICT DO NOTHING</c>, partial indexes and <c>@name</c> parameters), so a store adds only how to
    /// connect, how to lock the schema while upgrading it, and how to describe itself. Every provider failure becomes
    /// <see cref="LedgerStoreException"/>.
    /// </summary>
    internal abstract partial class LedgerStore
    {
        private readonly SemaphoreSlim _initializing = new(1, 1);
        private readonly GroupCommit _writes;
        private volatile bool _initialized;

        protected LedgerStore()
        {
            _writes = new GroupCommit(this);
        }

        public abstract LedgerStoreKind Kind { get; }

        /// <summary>Opens a connection (pooled by the provider).</summary>
        protected abstract Task<DbConnection> OpenCoreAsync(CancellationToken cancellationToken);

        /// <summary>Takes the store-wide lock that serializes schema upgrades, inside <paramref name="transaction"/>.</summary>
        protected abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

        /// <summary>Runs before the schema transaction (SQLite turns on its write-ahead log here).</summary>
        protected virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Creates or upgrades the tables to <paramref name="targetVersion"/> once per store object.</summary>
        public async Task EnsureSchemaAsync(CancellationToken cancellationToken, int targetVersion = LedgerSchema.Latest)
        {
            if (_initialized)
            {
                return;
            }

            await _initializing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_initialized)
                {
                    return;
                }

                await RunAsync("create or upgrade its tables", async (connection, ct) =>
                {
                    await PrepareAsync(connection, ct).ConfigureAwait(false);
                    await UpgradeAsync(connection, targetVersion, ct).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                _initialized = targetVersion == LedgerSchema.Latest;
            }
            finally
            {
                _initializing.Release();
            }
        }

        /// <summary>The version the database is at (0 when the ledger has no tables there).</summary>
        public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) =>
            RunAsync("read its schema version", async (connection, ct) =>
            {
                using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                var version = await ReadVersionAsync(connection, transaction, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return version;
            }, cancellationToken);

        /// <summary>
        /// Begins a write transaction; <paramref name="flush"/> false lets its commit reach the disk with a later one (SQLite's
        /// <c>synchronous = NORMAL</c>, PostgreSQL's <c>synchronous_commit = off</c>): a crash of the machine, not of the
        /// process, may then lose it, which only writes recorded after the create was sent accept (see <see cref="WriteAsync"/>).
        /// </summary>
        protected virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, bool flush, CancellationToken cancellationToken) =>
            await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        /// <summary>
        /// Runs one write in a transaction committed together with the concurrent writes queued beside it
        /// (<see cref="GroupCommit"/>), turning provider failures into <see cref="LedgerStoreException"/>. Only a write that
        /// must be on disk before something leaves the machine (the claim) asks for <paramref name="flush"/>: a write recorded
        /// after the create was sent and lost with the machine leaves the record pending, which the ledger reads as in doubt,
        /// the safe side.
        /// </summary>
        public Task<T> WriteAsync<T>(string operation, bool flush, Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
            _writes.WriteAsync(operation, flush, work, cancellationToken);

        /// <summary>Runs a group of writes in one transaction on one connection, and commits it.</summary>
        internal async Task InTransactionAsync(bool flush, IReadOnlyList<GroupCommit.PendingWrite> writes)
        {
            var connection = await OpenCoreAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                using var transaction = await BeginWriteAsync(connection, flush, CancellationToken.None).ConfigureAwait(false);
                foreach (var write in writes)
                {
                    await write.RunAsync(connection, transaction).ConfigureAwait(false);
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>A provider failure as <see cref="LedgerStoreException"/>; anything else as it is.</summary>
        internal Exception Describe(string operation, Exception exception)
        {
            // The provider's message names the host or file and the failure, never the password.
            return IsStoreFailure(exception) ? new LedgerStoreException($"The ledger's {Kind} store failed to {operation}: {exception.Message}", exception) : exception;
        }

        /// <summary>Runs one operation on an open connection, turning provider failures into <see cref="LedgerStoreException"/>.</summary>
        public async Task<T> RunAsync<T>(string operation, Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            DbConnection? connection = null;
            try
            {
                connection = await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
                return await work(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsStoreFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw Describe(operation, exception);
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        public static void AddText(DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

        public static void AddLong(DbCommand command, string name, long? value) => Add(command, name, DbType.Int64, value);

        public static void AddInt(DbCommand command, string name, int? value) => Add(command, name, DbType.Int32, value);

        private static void Add(DbCommand command, string name, DbType type, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        private static bool IsStoreFailure(Exception exception) =>
            exception is DbException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException
            && exception is not LedgerStoreException;

        private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            using (var create = Command(connection, transaction, "CREATE TABLE IF NOT EXISTS plaid_ledger_schema (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)"))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var read = Command(connection, transaction, "SELECT MAX(version) FROM plaid_ledger_schema");
            var value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private async Task UpgradeAsync(DbConnection connection, int targetVersion, CancellationToken cancellationToken)
        {
            using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > LedgerSchema.Latest)
            {
                throw new LedgerStoreException(
                    $"The ledger's {Kind} store is at schema version {current}, newer than the {LedgerSchema.Latest} this version of Plaid.Partner.Ledger knows; " +
                    "upgrade the package (a newer version wrote it).",
                    innerException: null);
            }

            for (var version = current + 1; version <= targetVersion; version++)
            {
                foreach (var statement in LedgerSchema.Version(version, Kind))
                {
                    using var command = Command(connection, transaction, statement);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using var applied = Command(connection, transaction, "INSERT INTO plaid_ledger_schema (version, applied_at) VALUES (@version, @at)");
                AddInt(applied, "@version", version);
                AddLong(applied, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await applied.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>How many bytes the ledger's tables take, for the benchmark's bytes per record.</summary>
        public abstract Task<long> BytesUsedAsync(CancellationToken cancellationToken);

        internal static IReadOnlyList<T> Empty<T>() => Array.Empty<T>();
    }
}
