using System;
using System.Globalization;

namespace Plaid.Partner.Emulator
{
    /// <summary>One attempt to deliver a webhook: when, how the receiver answered, and how long it took.</summary>
    public sealed class EmulatorWebhookAttempt
    {
        /// <summary>When it was sent (its signature's <c>iat</c>), by the emulator's clock.</summary>
        public DateTimeOffset At { get; init; }

        /// <summary>The receiver's HTTP status, or null when it did not answer (refused the connection, or gave no answer within 10 seconds).</summary>
        public int? StatusCode { get; init; }

        /// <summary>Why the receiver was not reached, or null.</summary>
        public string? Error { get; init; }

        /// <summary>How long the receiver took to answer (or until the attempt ended), by the emulator's clock.</summary>
        public TimeSpan Duration { get; init; }

        /// <summary>The wait a 429's <c>Retry-After</c> asked for (capped at 4 hours), or null.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>True for a 2xx answer.</summary>
        public bool Succeeded => StatusCode is >= 200 and < 300;

        /// <summary>The time and outcome.</summary>
        public override string ToString() =>
            $"EmulatorWebhookAttempt {{ At = {At:O}, StatusCode = {StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, Error = {Error ?? "(none)"} }}";
    }
}
