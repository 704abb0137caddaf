using System;
using System.Globalization;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// A fault to inject on a Plaid path (see <see cref="PlaidPartnerEmulator.InjectFaultAsync"/>): it catches every
    /// request to that path, or only the next <see cref="Count"/>, before credentials or the body are checked.
    /// </summary>
    public sealed class EmulatorFault
    {
        private EmulatorFault(EmulatorFaultKind kind)
        {
            Kind = kind;
        }

        /// <summary>What the fault does.</summary>
        public EmulatorFaultKind Kind { get; private init; }

        /// <summary>The HTTP status, for <see cref="EmulatorFaultKind.Status"/> and <see cref="EmulatorFaultKind.RateLimit"/> (429).</summary>
        public int? StatusCode { get; private init; }

        /// <summary>The Retry-After header to send, in whole seconds (rounded up), or null for none.</summary>
        public TimeSpan? RetryAfter { get; private init; }

        /// <summary>How long <see cref="EmulatorFaultKind.Delay"/> waits before handling the request.</summary>
        public TimeSpan? DelayDuration { get; private init; }

        /// <summary>
        /// For <see cref="EmulatorFaultKind.Status"/>: a raw body to answer with instead of a Plaid error (sent as
        /// text/plain, e.g. a proxy's HTML page), or null.
        /// </summary>
        public string? Body { get; private init; }

        /// <summary>How many requests the fault catches before it clears itself, or null for every request until cleared.</summary>
        public int? Count { get; private init; }

        /// <summary>
        /// Answer with <paramref name="statusCode"/>: 429 sends RATE_LIMIT, 503 PLANNED_MAINTENANCE, any other status
        /// API_ERROR / INTERNAL_SERVER_ERROR (Plaid API docs, Errors › API errors) with that status, unless <paramref name="body"/> is given.
        /// </summary>
        /// <param name="statusCode">An HTTP status from 400 to 599.</param>
        /// <param name="retryAfter">The Retry-After header to send, or null for none.</param>
        /// <param name="body">A raw body to send instead of a Plaid error, or null.</param>
        /// <exception cref="ArgumentOutOfRangeException">The status is not 400-599, or <paramref name="retryAfter"/> is negative.</exception>
        public static EmulatorFault Status(int statusCode, TimeSpan? retryAfter = null, string? body = null)
        {
            if (statusCode is < 400 or > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected status must be an error status, 400 to 599.");
            }

            return new EmulatorFault(EmulatorFaultKind.Status) { StatusCode = statusCode, RetryAfter = CheckRetryAfter(retryAfter), Body = body };
        }

        /// <summary>Answer 429 RATE_LIMIT_EXCEEDED / RATE_LIMIT, as Plaid's rate limiter does (Plaid API docs, Errors › Rate limit exceeded errors).</summary>
        /// <param name="retryAfter">The Retry-After header to send, or null for none.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
        public static EmulatorFault RateLimit(TimeSpan? retryAfter = null) =>
            new(EmulatorFaultKind.RateLimit) { StatusCode = 429, RetryAfter = CheckRetryAfter(retryAfter) };

        /// <summary>Wait <paramref name="delay"/> before handling the request (to exercise client timeouts).</summary>
        /// <param name="delay">A positive delay.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is not positive.</exception>
        public static EmulatorFault Delay(TimeSpan delay)
        {
            if (delay <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay must be positive.");
            }

            return new EmulatorFault(EmulatorFaultKind.Delay) { DelayDuration = delay };
        }

        /// <summary>Close the connection without an answer (the client sees a transport error).</summary>
        public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection);

        /// <summary>The same fault, catching only the next <paramref name="count"/> requests.</summary>
        /// <param name="count">At least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
        public EmulatorFault Times(int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "A fault must catch at least one request.");
            }

            return new EmulatorFault(Kind) { StatusCode = StatusCode, RetryAfter = RetryAfter, DelayDuration = DelayDuration, Body = Body, Count = count };
        }

        /// <summary>Describes the fault.</summary>
        public override string ToString() => Kind switch
        {
            EmulatorFaultKind.Status or EmulatorFaultKind.RateLimit =>
                $"{Kind} {StatusCode?.ToString(CultureInfo.InvariantCulture)}{(RetryAfter is { } r ? $" Retry-After {RetryAfterSeconds(r)}" : string.Empty)}{CountText()}",
            EmulatorFaultKind.Delay => $"Delay {DelayDuration}{CountText()}",
            _ => $"{Kind}{CountText()}",
        };

        internal static long RetryAfterSeconds(TimeSpan retryAfter) => (long)Math.Ceiling(retryAfter.TotalSeconds);

        internal static EmulatorFault FromParts(EmulatorFaultKind kind, int? statusCode, TimeSpan? retryAfter, TimeSpan? delay, string? body, int? count)
        {
            var fault = kind switch
            {
                EmulatorFaultKind.Status => Status(statusCode ?? throw new ArgumentException("A status fault needs a status."), retryAfter, body),
                EmulatorFaultKind.RateLimit => RateLimit(retryAfter),
                EmulatorFaultKind.Delay => Delay(delay ?? throw new ArgumentException("A delay fault needs delay_ms.")),
                _ => DropConnection(),
            };
            return count is { } n ? fault.Times(n) : fault;
        }

        private static TimeSpan? CheckRetryAfter(TimeSpan? retryAfter)
        {
            if (retryAfter < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After must not be negative.");
            }

            return retryAfter;
        }

        private string CountText() => Count is { } n ? $" x{n}" : string.Empty;
    }
}
