using System;

namespace Plaid.Partner
{
    /// <summary>
    /// How read calls (get, OAuth institutions, webhook key) are retried on 429, 500, 502, 503, 504, attempt timeouts
    /// and connection failures. Calls that change state (create, enable, remove) are never retried: a repeated create
    /// would make a second real end customer.
    /// </summary>
    public sealed class PlaidRetryOptions
    {
        /// <summary>Retries after the first attempt; 0 switches retries off. Defaults to 3; at most 10.</summary>
        public int MaxRetryAttempts { get; set; } = 3;

        /// <summary>The first backoff delay, doubled on each retry (exponential backoff). Defaults to 1 second.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The longest single wait. Backoff is capped at it; a <c>Retry-After</c> header asking for longer ends the retries,
        /// so the caller gets the 429 (with its header in <see cref="PlaidApiException.ResponseHeaders"/>) instead of a
        /// retry Plaid said it would refuse. Defaults to 30 seconds.
        /// </summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Randomizes each backoff wait to a point between half and all of it, so many clients do not retry in step.
        /// Defaults to true.
        /// </summary>
        public bool UseJitter { get; set; } = true;

        internal PlaidRetryOptions Copy() => new()
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BaseDelay = BaseDelay,
            MaxDelay = MaxDelay,
            UseJitter = UseJitter,
        };

        /// <inheritdoc/>
        public override string ToString() => $"MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, UseJitter = {UseJitter}";
    }
}
