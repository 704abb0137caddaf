using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// When a failed attempt of a read is retried and how long the call waits first (<see cref="PlaidRetryOptions"/>):
    /// 429, 500, 502, 503 and 504, an attempt that timed out and a connection that failed or dropped are retried, after the
    /// wait a <c>Retry-After</c> header asks for, else exponential backoff from <see cref="PlaidRetryOptions.BaseDelay"/>,
    /// capped at <see cref="PlaidRetryOptions.MaxDelay"/>, with jitter. Built once from the validated options.
    /// </summary>
    /// <remarks>
    /// Written here rather than configured in a resilience library: the rules are these few lines, and a library's
    /// pipeline cost every call more than the rest of the client while nearly every call succeeds at once.
    /// </remarks>
    internal sealed class PlaidRetryRules
    {
        private readonly TimeProvider _timeProvider;
        private readonly TimeSpan _baseDelay;
        private readonly TimeSpan _maxDelay;
        private readonly bool _useJitter;

        public PlaidRetryRules(PlaidRetryOptions options, TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
            MaxRetryAttempts = options.MaxRetryAttempts;
            _baseDelay = options.BaseDelay;
            _maxDelay = options.MaxDelay;
            _useJitter = options.UseJitter;
        }

        /// <summary>Retries after the first attempt of a read; 0 when retries are off.</summary>
        public int MaxRetryAttempts { get; }

        /// <summary>
        /// The wait before retrying after the failed attempt number <paramref name="attempt"/> (0 for the first), or null
        /// when the failure is not transient or asks, in <c>Retry-After</c>, for longer than MaxDelay: waiting less would spend
        /// an attempt on a request Plaid already said it will refuse, so the caller gets the 429 with its header instead.
        /// </summary>
        /// <param name="attempt">The failed attempt, from 0.</param>
        /// <param name="failure">Plaid's (or a proxy's) answer, when there was one.</param>
        /// <param name="exception">What the attempt threw instead: a transport failure.</param>
        /// <param name="attemptTimedOut">The attempt's own timeout ended it.</param>
        public TimeSpan? RetryDelay(int attempt, PlaidFailure? failure, Exception? exception, bool attemptTimedOut)
        {
            if (!attemptTimedOut && !IsTransient(failure, exception))
            {
                return null;
            }

            if (failure is not null && RetryAfter(failure) is { } asked)
            {
                return asked > _maxDelay ? null : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
            }

            return Backoff(attempt);
        }

        /// <summary>Transient: the statuses and transport failures a later attempt may get past.</summary>
        private static bool IsTransient(PlaidFailure? failure, Exception? exception) => failure is not null
            ? (HttpStatusCode)failure.StatusCode is (HttpStatusCode)429 or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            : exception is HttpRequestException or IOException;

        /// <summary>
        /// BaseDelay doubled per failed attempt, capped at MaxDelay; with jitter, a random point between half of that and
        /// all of it, so clients that failed together do not retry together, and none waits less than half its backoff.
        /// </summary>
        private TimeSpan Backoff(int attempt)
        {
            var exponential = Math.Min(_baseDelay.Ticks * Math.Pow(2, attempt), _maxDelay.Ticks);
            var ticks = _useJitter ? exponential * (0.5 + (0.5 * NextDouble())) : exponential;
            return TimeSpan.FromTicks((long)ticks);
        }

        /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
        private TimeSpan? RetryAfter(PlaidFailure failure)
        {
            if (!TryGetHeader(failure, "Retry-After", out var raw) || !RetryConditionHeaderValue.TryParse(raw, out var value))
            {
                return null;
            }

            if (value.Delta is { } delta)
            {
                return delta;
            }

            return value.Date is { } date ? date - _timeProvider.GetUtcNow() : null;
        }

        private static bool TryGetHeader(PlaidFailure failure, string name, out string? value)
        {
            foreach (var header in failure.Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var first in header.Value)
                    {
                        value = first;
                        return true;
                    }
                }
            }

            value = null;
            return false;
        }

#if NETSTANDARD2_0
        [ThreadStatic]
        private static Random? _random;

        private static double NextDouble() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#else
        private static double NextDouble() => Random.Shared.NextDouble();
#endif
    }
}
