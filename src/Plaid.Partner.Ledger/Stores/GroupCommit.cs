namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The store's writes, committed in groups: a write waits in a queue, one writer at a time takes every write that is
    /// waiting, runs them in one transaction and commits once. A flushed commit (a claim, which must be on disk before its
    /// create leaves) then costs one disk flush however many concurrent onboardings share it, and this process's writers
    /// never contend for SQLite's file lock, which Microsoft.Data.Sqlite answers by sleeping and retrying. When a group
    /// fails, it is rolled back and each of its writes runs again alone, so one write's failure stays its own.
    /// </summary>
    internal sealed class GroupCommit
    {
        // Bounds one transaction's length (and a PostgreSQL transaction's row locks) under a long queue.
        private const int MaxGroup = 64;

        private readonly LedgerStore _store;
        private readonly object _gate = new();
        private List<PendingWrite> _queue = new();
        private bool _writing;

        public GroupCommit(LedgerStore store)
        {
            _store = store;
        }

        /// <summary>
        /// Runs <paramref name="work"/> inside a transaction shared with the writes queued beside it, and returns its result
        /// once that transaction has committed. A caller cancelled while its write waits is skipped; once the write runs, it
        /// commits or fails with its group.
        /// </summary>
        /// <param name="operation">What the write does, for the store's error message ("record the intent to create").</param>
        /// <param name="flush">Whether the commit must be on disk before this returns; otherwise it may reach the disk with a later commit.</param>
        /// <param name="work">The statements, on the group's connection and transaction; may run twice (the second time alone) if its group fails.</param>
        /// <param name="cancellationToken">Cancels the write while it waits.</param>
        public Task<T> WriteAsync<T>(string operation, bool flush, Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var write = new PendingWrite<T>(operation, flush, work, cancellationToken);
            bool start;
            lock (_gate)
            {
                _queue.Add(write);
                start = !_writing;
                _writing = true;
            }

            if (start)
            {
                // A writer of its own, so no caller's call waits on other callers' groups after its own has committed.
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }

            return write.Task;
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                List<PendingWrite> group;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _writing = false;
                        return;
                    }

                    if (_queue.Count <= MaxGroup)
                    {
                        group = _queue;
                        _queue = new List<PendingWrite>();
                    }
                    else
                    {
                        group = _queue.GetRange(0, MaxGroup);
                        _queue.RemoveRange(0, MaxGroup);
                    }
                }

                await CommitAsync(group).ConfigureAwait(false);
            }
        }

        private async Task CommitAsync(List<PendingWrite> group)
        {
            var live = new List<PendingWrite>(group.Count);
            foreach (var write in group)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Cancel();
                }
                else
                {
                    live.Add(write);
                }
            }

            if (live.Count == 0)
            {
                return;
            }

            try
            {
                await _store.InTransactionAsync(live.Exists(w => w.Flush), live).ConfigureAwait(false);
                live.ForEach(w => w.Complete());
                return;
            }
            catch (Exception exception) when (live.Count == 1)
            {
                live[0].Fail(_store.Describe(live[0].Operation, exception));
                return;
            }
            catch (Exception)
            {
                // Which write failed is unknown: each goes again alone (the group was rolled back, so none took effect).
            }

            foreach (var write in live)
            {
                try
                {
                    await _store.InTransactionAsync(write.Flush, new[] { write }).ConfigureAwait(false);
                    write.Complete();
                }
                catch (Exception exception)
                {
                    write.Fail(_store.Describe(write.Operation, exception));
                }
            }
        }

        /// <summary>One queued write: its statements, whether it must be flushed, and the caller waiting for it.</summary>
        internal abstract class PendingWrite
        {
            protected PendingWrite(string operation, bool flush, CancellationToken cancellationToken)
            {
                Operation = operation;
                Flush = flush;
                CancellationToken = cancellationToken;
            }

            public string Operation { get; }

            public bool Flush { get; }

            public CancellationToken CancellationToken { get; }

            public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

            public abstract void Complete();

            public abstract void Fail(Exception exception);

            public abstract void Cancel();
        }

        private sealed class PendingWrite<T> : PendingWrite
        {
            private readonly Func<DbConnection, DbTransaction, CancellationToken, Task<T>> _work;
            private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private T _result = default!;

            public PendingWrite(string operation, bool flush, Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
                : base(operation, flush, cancellationToken)
            {
                _work = work;
            }

            public Task<T> Task => _done.Task;

            // The group is not cancelled by one caller: once a write runs, it commits or fails with the others.
            public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
                _result = await _work(connection, transaction, CancellationToken.None).ConfigureAwait(false);

            public override void Complete() => _done.TrySetResult(_result);

            public override void Fail(Exception exception) => _done.TrySetException(exception);

            public override void Cancel() => _done.TrySetCanceled(CancellationToken);
        }
    }
}
