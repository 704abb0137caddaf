using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The two limits of a call, <see cref="PlaidPartnerOptions.Timeout"/> for the whole call and
    /// <see cref="PlaidPartnerOptions.AttemptTimeout"/> for each attempt, kept with one timer per step (an attempt, or a
    /// retry's wait) set to whichever limit is nearer. Nearly every call is one attempt, so it costs one timer, taken from a
    /// pool on the system clock because a new timer per call was a measurable share of a call's cost. One per
    /// <see cref="PlaidCallPipeline"/>; thread-safe.
    /// </summary>
    internal sealed class PlaidCallTimeouts
    {
        private static readonly int MaxPooled = Math.Max(16, Environment.ProcessorCount * 8);

        private readonly TimeSpan _timeout;
        private readonly TimeSpan _attemptTimeout;
        private readonly TimeProvider _timeProvider;

        // Only on the system clock: on another (a test's fake clock) a reset could race a callback already queued, so each
        // step gets a new source there.
        private readonly ConcurrentQueue<CancellationTokenSource>? _pool;

        // Counted apart: ConcurrentQueue.Count is not constant time.
        private int _pooled;

        public PlaidCallTimeouts(PlaidPartnerOptions options, TimeProvider timeProvider)
        {
            _timeout = options.Timeout;
            _attemptTimeout = options.AttemptTimeout;
            _timeProvider = timeProvider;
#if NETSTANDARD2_0
            // CancellationTokenSource.TryReset is .NET 6+: without it no source can be reused safely.
            _pool = null;
#else
            _pool = timeProvider == TimeProvider.System ? new ConcurrentQueue<CancellationTokenSource>() : null;
#endif
        }

        /// <summary>
        /// Starts an attempt, <paramref name="elapsed"/> into the call: bounded by <see cref="PlaidPartnerOptions.AttemptTimeout"/>
        /// or by what is left of <see cref="PlaidPartnerOptions.Timeout"/>, whichever ends first (the call's when they tie).
        /// </summary>
        public PlaidCallStep StartAttempt(TimeSpan elapsed, CancellationToken caller)
        {
            var left = Left(elapsed);
            var attemptEndsFirst = _attemptTimeout != Timeout.InfiniteTimeSpan && (left == Timeout.InfiniteTimeSpan || _attemptTimeout < left);
            return attemptEndsFirst ? Start(_attemptTimeout, PlaidCallExpiry.Attempt, caller) : Start(left, PlaidCallExpiry.Call, caller);
        }

        /// <summary>Starts a retry's wait, <paramref name="elapsed"/> into the call: bounded by what is left of the call's Timeout.</summary>
        public PlaidCallStep StartWait(TimeSpan elapsed, CancellationToken caller) => Start(Left(elapsed), PlaidCallExpiry.Call, caller);

        /// <summary>
        /// Ends <paramref name="step"/> and tells whether its limit ended it: only when the limit passed and the caller did
        /// not cancel. Its timer goes back to the pool when it did not fire, else is disposed.
        /// </summary>
        public PlaidCallExpiry End(in PlaidCallStep step)
        {
            if (step.Source is not { } source)
            {
                return PlaidCallExpiry.None;
            }

            // Disposing the link waits for a cancellation already running, so nothing cancels the source once it is pooled.
            step.CallerLink.Dispose();
            var expired = source.IsCancellationRequested && !step.Caller.IsCancellationRequested ? step.Limit : PlaidCallExpiry.None;
            Return(source);
            return expired;
        }

        private TimeSpan Left(TimeSpan elapsed)
        {
            if (_timeout == Timeout.InfiniteTimeSpan)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = _timeout - elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        private PlaidCallStep Start(TimeSpan limit, PlaidCallExpiry kind, CancellationToken caller)
        {
            if (limit == Timeout.InfiniteTimeSpan)
            {
                return new PlaidCallStep(null, default, caller, kind);
            }

            var source = Rent(limit);

            // The caller's token cancels the step's source: one registration instead of a linked source per step, and
            // nothing at all for the usual uncancellable token.
            var link = caller.CanBeCanceled ? Link(caller, source) : default;
            return new PlaidCallStep(source, link, caller, kind);
        }

        private static CancellationTokenRegistration Link(CancellationToken caller, CancellationTokenSource source) =>
#if NETSTANDARD2_0
            caller.Register(static s => ((CancellationTokenSource)s!).Cancel(), source);
#else
            caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
#endif

        /// <summary>A source that cancels after <paramref name="timeout"/> (zero: already cancelled).</summary>
        private CancellationTokenSource Rent(TimeSpan timeout)
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

        /// <summary>Keeps <paramref name="source"/> for another step if it can be reset (it was not cancelled), else disposes it.</summary>
        private void Return(CancellationTokenSource source)
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
