using System;

namespace Plaid.Partner.Internal
{
    /// <summary>The time limits of every call of one pipeline, worked out once from its options.</summary>
    internal readonly struct PlaidCallLimits
    {
        public PlaidCallLimits(TimeSpan timeout, TimeSpan attemptTimeout)
        {
            Timeout = timeout;
            AttemptTimeout = attemptTimeout;
            AttemptTimeoutIsShorter = attemptTimeout != System.Threading.Timeout.InfiniteTimeSpan
                && (timeout == System.Threading.Timeout.InfiniteTimeSpan || attemptTimeout < timeout);
            FirstAttempt = AttemptTimeoutIsShorter ? attemptTimeout : timeout;
        }

        public TimeSpan Timeout { get; }

        public TimeSpan AttemptTimeout { get; }

        /// <summary>AttemptTimeout ends the first attempt before Timeout would.</summary>
        public bool AttemptTimeoutIsShorter { get; }

        /// <summary>The first attempt's limit: the shorter of the two (infinite when both are).</summary>
        public TimeSpan FirstAttempt { get; }
    }
}
