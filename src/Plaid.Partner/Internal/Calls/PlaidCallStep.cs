using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// One step of a call, an attempt or a retry's wait, as <see cref="PlaidCallTimeouts"/> started it: the token the step
    /// runs under, and what ends it. Give it back with <see cref="PlaidCallTimeouts.End"/>.
    /// </summary>
    internal readonly struct PlaidCallStep
    {
        public PlaidCallStep(CancellationTokenSource? source, CancellationTokenRegistration callerLink, CancellationToken caller, PlaidCallExpiry limit)
        {
            Source = source;
            CallerLink = callerLink;
            Caller = caller;
            Limit = limit;
        }

        /// <summary>The caller's token, cancelled too when the step's limit passes.</summary>
        public CancellationToken Token => Source?.Token ?? Caller;

        /// <summary>The step's timer; null when neither limit is set.</summary>
        public CancellationTokenSource? Source { get; }

        public CancellationTokenRegistration CallerLink { get; }

        public CancellationToken Caller { get; }

        /// <summary>Which limit the timer stands for.</summary>
        public PlaidCallExpiry Limit { get; }
    }
}
