using System;
using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The cancellation of one call: the caller's token, <see cref="PlaidPartnerOptions.Timeout"/> for the whole call and
    /// <see cref="PlaidPartnerOptions.AttemptTimeout"/> for its first attempt, with as few timers as possible. Nearly every
    /// call succeeds at once, so the first attempt runs under one pooled timer set to the shorter of the two limits; only
    /// a call that goes on to retry gets a second timer, for the rest of its Timeout (Polly's timeout strategy bounds each
    /// retry). The caller's token is linked in only when it can be cancelled at all.
    /// </summary>
    /// <remarks>A mutable struct, kept in the calling method's state; <see cref="Release"/> it when the call ends.</remarks>
    internal struct PlaidCallDeadline
    {
        private readonly TimeoutSources _timeouts;
        private readonly CancellationToken _caller;

        // The first attempt's own timer, when AttemptTimeout is the shorter limit; null once retries begin.
        private CancellationTokenSource? _attemptTimer;

        // The whole call's timer: the first attempt's when Timeout is the shorter limit, else the one retries get.
        private CancellationTokenSource? _callTimer;

        private CancellationTokenSource? _linked;

        public PlaidCallDeadline(TimeoutSources timeouts, PlaidCallLimits limits, CancellationToken caller)
        {
            _timeouts = timeouts;
            _caller = caller;
            _attemptTimer = null;
            _callTimer = null;
            _linked = null;
            Token = caller;

            var timer = limits.FirstAttempt == Timeout.InfiniteTimeSpan ? null : timeouts.Rent(limits.FirstAttempt);
            if (limits.AttemptTimeoutIsShorter)
            {
                _attemptTimer = timer;
            }
            else
            {
                _callTimer = timer;
            }

            Link(timer);
        }

        /// <summary>What the current attempt (or the retries as a whole) must pass to the transport.</summary>
        public CancellationToken Token { get; private set; }

        /// <summary>The first attempt ended because its AttemptTimeout passed, not because of the caller or the Timeout.</summary>
        public readonly bool FirstAttemptTimedOut => _attemptTimer is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

        /// <summary>The whole call's Timeout passed (and the caller did not cancel).</summary>
        public readonly bool CallTimedOut => _callTimer is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

        /// <summary>Ends the first attempt's own timer and bounds the retries by what is left of <paramref name="timeout"/>.</summary>
        public CancellationToken BeginRetries(TimeSpan timeout, TimeSpan elapsed)
        {
            if (_attemptTimer is not null)
            {
                _linked?.Dispose();
                _linked = null;
                _timeouts.Return(_attemptTimer);
                _attemptTimer = null;
                var remaining = timeout - elapsed;
                _callTimer = timeout == Timeout.InfiniteTimeSpan ? null : _timeouts.Rent(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                Link(_callTimer);
            }

            return Token;
        }

        /// <summary>Gives the timers back (a pooled timer is reset for another call) once the call is over.</summary>
        public void Release()
        {
            _linked?.Dispose();
            _linked = null;
            if (_attemptTimer is not null)
            {
                _timeouts.Return(_attemptTimer);
                _attemptTimer = null;
            }

            if (_callTimer is not null)
            {
                _timeouts.Return(_callTimer);
                _callTimer = null;
            }
        }

        private void Link(CancellationTokenSource? timer)
        {
            if (timer is null)
            {
                Token = _caller;
            }
            else if (_caller.CanBeCanceled)
            {
                _linked = CancellationTokenSource.CreateLinkedTokenSource(_caller, timer.Token);
                Token = _linked.Token;
            }
            else
            {
                Token = timer.Token;
            }
        }
    }
}
