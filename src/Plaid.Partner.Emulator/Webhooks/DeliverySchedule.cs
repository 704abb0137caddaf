using System;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// When Plaid tries a webhook again (Plaid's webhook guide, https://plaid.com/docs/api/webhooks/#webhook-retries):
    /// an answer other than 2xx, or none within 10 seconds, is retried for up to 24 hours, each wait four times the one
    /// before, starting at 30 seconds; a 429 with <c>Retry-After</c> waits as asked, for up to 4 hours; and a receiver
    /// that refused more than 90% of its webhooks in the last 24 hours gets no retries.
    /// </summary>
    internal static class DeliverySchedule
    {
        public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

        public static readonly TimeSpan FirstRetryWait = TimeSpan.FromSeconds(30);

        public const int WaitFactor = 4;

        public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);

        public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(4);

        /// <summary>The refused share above which a receiver gets no retries.</summary>
        public const double MaxRefusedShare = 0.9;

        /// <summary>
        /// The emulator's choice (Plaid does not publish one): the 90% rule applies once a receiver has had at least this many
        /// webhooks in the window, so one refused webhook alone (100%) still gets its retries.
        /// </summary>
        public const int RefusalRuleMinimum = 10;

        /// <summary>The wait after the <paramref name="attempt"/>-th attempt (1-based): 30 s, 2 min, 8 min, 32 min, …</summary>
        public static TimeSpan WaitAfter(int attempt)
        {
            var wait = FirstRetryWait;
            for (var i = 1; i < attempt && wait < RetryWindow; i++)
            {
                wait *= WaitFactor;
            }

            return wait;
        }

        /// <summary>Whether a receiver that refused <paramref name="refused"/> of its <paramref name="total"/> recent webhooks gets no more retries.</summary>
        public static bool RefusesTooMany(int refused, int total) =>
            total >= RefusalRuleMinimum && refused > total * MaxRefusedShare;
    }
}
