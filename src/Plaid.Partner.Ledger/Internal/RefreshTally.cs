using System.Collections.Concurrent;
using System.Diagnostics;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>What a batch of refreshes did, counted from several workers at once: RefreshAllAsync and a reconciler round.</summary>
    internal sealed class RefreshTally
    {
        private readonly ConcurrentQueue<RefreshResult> _failures = new();
        private int _read;
        private int _changed;

        public void Add(RefreshResult result)
        {
            if (result.Failure is not null)
            {
                _failures.Enqueue(result);
                return;
            }

            Interlocked.Increment(ref _read);
            if (result.Changes > 0)
            {
                Interlocked.Increment(ref _changed);
            }
        }

        /// <summary>The summary, also set as the batch span's tags.</summary>
        public RefreshSummary Summarize(int pauses, Activity? activity)
        {
            var summary = new RefreshSummary(Volatile.Read(ref _read), Volatile.Read(ref _changed), _failures.ToArray(), pauses);
            activity?.SetTag("plaid.ledger.refreshed", summary.Read);
            activity?.SetTag("plaid.ledger.failed", summary.Failures.Count);
            return summary;
        }
    }
}
