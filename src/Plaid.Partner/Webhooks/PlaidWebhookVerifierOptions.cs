using System;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Settings for <see cref="PlaidWebhookVerifier"/>. The verifier copies them when it is constructed, so changing an
    /// instance afterwards does not affect a verifier already built from it.
    /// </summary>
    public sealed class PlaidWebhookVerifierOptions
    {
        /// <summary>The longest Plaid lets a webhook key be cached (Plaid API docs, Webhooks › Webhook verification: no more than 24 hours).</summary>
        public static readonly TimeSpan MaxKeyCacheDuration = TimeSpan.FromHours(24);

        /// <summary>The largest <see cref="ClockSkew"/> accepted: a token may be at most five minutes old anyway.</summary>
        public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

        /// <summary>The longest <see cref="KeyFetchTimeout"/> accepted: Plaid waits 10 seconds for the answer to a delivery.</summary>
        public static readonly TimeSpan MaxKeyFetchTimeout = TimeSpan.FromSeconds(10);

        private TimeProvider _timeProvider = TimeProvider.System;

        /// <summary>
        /// The clock that judges <c>iat</c>, cache ages and <see cref="KeyFetchTimeout"/>. Defaults to
        /// <see cref="TimeProvider.System"/>; with <c>AddPlaidPartner</c>, to the registered <see cref="System.TimeProvider"/>
        /// unless set here (in any order of registration). Tests pass a fake.
        /// </summary>
        public TimeProvider TimeProvider
        {
            get => _timeProvider;
            set
            {
                _timeProvider = value;
                IsTimeProviderSet = true;
            }
        }

        /// <summary>
        /// How long one key fetch from <c>/webhook_verification_key/get</c> may take; positive, at most
        /// <see cref="MaxKeyFetchTimeout"/>. Defaults to 5 seconds. A fetch is one attempt, never retried: Plaid gives the
        /// receiver 10 seconds to answer a delivery and delivers it again when the answer is not 200, so a key endpoint
        /// that is down or slow makes the delivery unverifiable (the ASP.NET Core endpoint answers 503) within this time.
        /// </summary>
        public TimeSpan KeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>True once <see cref="TimeProvider"/> was set, so <c>AddPlaidPartner</c> leaves it alone.</summary>
        internal bool IsTimeProviderSet { get; private set; }

        /// <summary>
        /// How far in the future a token's <c>iat</c> may be, for clocks that differ slightly from Plaid's; from zero to
        /// <see cref="MaxClockSkew"/>. Defaults to 30 seconds.
        /// </summary>
        public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a fetched key is used before it is fetched again; positive, at most <see cref="MaxKeyCacheDuration"/> (the default).</summary>
        public TimeSpan KeyCacheDuration { get; set; } = MaxKeyCacheDuration;

        /// <summary>
        /// How long a <c>kid</c> that Plaid answered with <c>INVALID_WEBHOOK_VERIFICATION_KEY_ID</c> is rejected without
        /// asking again; zero or more. Defaults to 5 minutes.
        /// </summary>
        public TimeSpan RejectedKeyIdRetention { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How many never-seen <c>kid</c>s may be looked up at Plaid per minute; at least 1. Defaults to 10, far above
        /// Plaid's rate of key rotation and far below a flood of forged webhooks.
        /// </summary>
        public int MaxNewKeyIdFetchesPerMinute { get; set; } = 10;

        /// <summary>Shows every setting.</summary>
        public override string ToString() =>
            $"PlaidWebhookVerifierOptions {{ ClockSkew = {ClockSkew}, KeyCacheDuration = {KeyCacheDuration}, "
                + $"RejectedKeyIdRetention = {RejectedKeyIdRetention}, MaxNewKeyIdFetchesPerMinute = {MaxNewKeyIdFetchesPerMinute}, KeyFetchTimeout = {KeyFetchTimeout}, "
                + $"TimeProvider = {TimeProvider?.GetType().Name ?? "(null)"} }}";

        /// <summary>Checks every setting and returns an independent copy.</summary>
        internal PlaidWebhookVerifierOptions ValidatedCopy()
        {
            if (TimeProvider is null)
            {
                throw new ArgumentException("PlaidWebhookVerifierOptions.TimeProvider is required (TimeProvider.System, or a fake in tests).", "options");
            }

            if (ClockSkew < TimeSpan.Zero || ClockSkew > MaxClockSkew)
            {
                throw new ArgumentException($"PlaidWebhookVerifierOptions.ClockSkew must be between 0 and {MaxClockSkew}; it was {ClockSkew}.", "options");
            }

            if (KeyCacheDuration <= TimeSpan.Zero || KeyCacheDuration > MaxKeyCacheDuration)
            {
                throw new ArgumentException($"PlaidWebhookVerifierOptions.KeyCacheDuration must be positive and at most {MaxKeyCacheDuration} (Plaid's limit); it was {KeyCacheDuration}.", "options");
            }

            if (RejectedKeyIdRetention < TimeSpan.Zero)
            {
                throw new ArgumentException($"PlaidWebhookVerifierOptions.RejectedKeyIdRetention must not be negative; it was {RejectedKeyIdRetention}.", "options");
            }

            if (KeyFetchTimeout <= TimeSpan.Zero || KeyFetchTimeout > MaxKeyFetchTimeout)
            {
                throw new ArgumentException(
                    $"PlaidWebhookVerifierOptions.KeyFetchTimeout must be positive and at most {MaxKeyFetchTimeout} (Plaid waits 10 seconds for an answer); it was {KeyFetchTimeout}.",
                    "options");
            }

            if (MaxNewKeyIdFetchesPerMinute < 1)
            {
                throw new ArgumentException($"PlaidWebhookVerifierOptions.MaxNewKeyIdFetchesPerMinute must be at least 1; it was {MaxNewKeyIdFetchesPerMinute}.", "options");
            }

            return new PlaidWebhookVerifierOptions
            {
                TimeProvider = TimeProvider,
                ClockSkew = ClockSkew,
                KeyCacheDuration = KeyCacheDuration,
                RejectedKeyIdRetention = RejectedKeyIdRetention,
                MaxNewKeyIdFetchesPerMinute = MaxNewKeyIdFetchesPerMinute,
                KeyFetchTimeout = KeyFetchTimeout,
            };
        }
    }
}
