using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The timer-backed <see cref="CancellationTokenSource"/>s that bound each call, reused on the system clock (as
    /// Polly's timeout strategy does) because a new timer per call was a measurable share of its cost; new each time on any
    /// other clock (a test's), where a reset could race a callback already queued.
    /// </summary>
    internal sealed class TimeoutSources
    {
        private static readonly int MaxPooled = Math.Max(16, Environment.ProcessorCount * 8);

        private readonly TimeProvider _timeProvider;
        private readonly ConcurrentQueue<CancellationTokenSource>? _pool;

        // Counted apart: ConcurrentQueue.Count is not constant time.
        private int _pooled;

        public TimeoutSources(TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
#if NETSTANDARD2_0
            // CancellationTokenSource.TryReset is .NET 6+: without it no source can be reused safely, so none is pooled.
            _pool = null;
#else
            _pool = timeProvider == TimeProvider.System ? new ConcurrentQueue<CancellationTokenSource>() : null;
#endif
        }

        /// <summary>A source that cancels after <paramref name="timeout"/> (zero: already cancelled). Give it back with <see cref="Return"/>.</summary>
        public CancellationTokenSource Rent(TimeSpan timeout)
        {
            if (timeout > TimeSpan.Zero && _pool is not null && _pool.TryDequeue(out var pooled))
            {
                Interlocked.Decrement(ref _pooled);
                pooled.CancelAfter(timeout);
                return pooled;
            }

#if NETSTANDARD2_0
            return System.Threading.Tasks.TimeProviderTaskExtensions.CreateCancellationTokenSource(_timeProvider, timeout);
#else
            return new CancellationTokenSource(timeout, _timeProvider);
#endif
        }

        /// <summary>Keeps <paramref name="source"/> for another call if it can be reset (it was not cancelled), else disposes it.</summary>
        public void Return(CancellationTokenSource source)
        {
#if !NETSTANDARD2_0
            if (_pool is not null && source.TryReset())
            {
                if (Interlocked.Increment(ref _pooled) <= MaxPooled)
                {
                    _pool.Enqueue(source);
                    return;
                }

                Interlocked.Decrement(ref _pooled);
            }
#endif

            source.Dispose();
        }
    }
}
