using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The resilience pipelines every attempt runs through, one per kind of call, built once from the options. Reads:
    /// <see cref="PlaidPartnerOptions.Timeout"/> around the whole call, then retries (exponential backoff with jitter,
    /// Retry-After honoured), then <see cref="PlaidPartnerOptions.AttemptTimeout"/> around each attempt. Everything else
    /// gets no retries, because once a create may have reached Plaid, sending it again could create a second real end
    /// customer: only the shorter of the two timeouts, or nothing when neither is set.
    /// </summary>
    /// <remarks>
    /// Attempts answer <see cref="Outcome{TResult}"/> of the response or a <see cref="PlaidFailure"/>: Plaid's refusals are
    /// judged as values (status and headers) and become <see cref="PlaidApiException"/> once, when the call ends.
    /// </remarks>
    internal sealed class PlaidResilience
    {
        private static readonly ResiliencePropertyKey<bool> CallTimedOutKey = new("Plaid.CallTimedOut");

        private readonly PlaidPartnerOptions _options;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;
        private readonly TimeSpan _maxDelay;
        private readonly bool _retries;

        // Built on first use: a process that only reads never builds the other, and constructing a client builds neither.
        private ResiliencePipeline? _reads;
        private ResiliencePipeline? _writes;

        public PlaidResilience(PlaidPartnerOptions options, ILogger logger, TimeProvider timeProvider)
        {
            _options = options;
            _logger = logger;
            _timeProvider = timeProvider;
            _maxDelay = options.Retry.MaxDelay;
            _retries = options.Retry.MaxRetryAttempts > 0;
        }

        /// <summary>The pipeline of a kind of call: retried for reads only.</summary>
        public ResiliencePipeline For(PlaidCallKind kind) => kind == PlaidCallKind.Read && _retries
            ? _reads ?? Keep(ref _reads, BuildWithRetries(_options, _logger))
            : _writes ?? Keep(ref _writes, BuildWithoutRetries(_options, _timeProvider));

        /// <summary>The call's <see cref="PlaidPartnerOptions.Timeout"/> ended it (not an attempt's, not the caller).</summary>
        public static bool CallTimedOut(ResilienceContext context) => context.Properties.GetValue(CallTimedOutKey, false);

        /// <summary>
        /// Whether a failed attempt of a read is retried: retries are on, the failure is transient, and any Retry-After
        /// is within MaxDelay. A longer Retry-After is honoured by not retrying: waiting less would spend an attempt on a
        /// request Plaid already said it will refuse, and the caller sees the 429 with its header instead.
        /// </summary>
        public bool ShouldRetry(Outcome<object> outcome) =>
            _retries && IsTransient(outcome) && !(RetryAfter(outcome, _timeProvider) > _maxDelay);

        /// <summary>429, 500, 502, 503 and 504, an attempt that timed out, and a connection that failed or dropped.</summary>
        public static bool IsTransient(Outcome<object> outcome) => outcome.Exception switch
        {
            null => outcome.Result is PlaidFailure failure && IsTransient(failure.StatusCode),
            TimeoutRejectedException => true,
            HttpRequestException => true,
            IOException => true,
            _ => false,
        };

        /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
        public static TimeSpan? RetryAfter(Outcome<object> outcome, TimeProvider timeProvider)
        {
            if (outcome.Result is not PlaidFailure failure || !TryGetHeader(failure, "Retry-After", out var raw) || !RetryConditionHeaderValue.TryParse(raw, out var value))
            {
                return null;
            }

            if (value.Delta is { } delta)
            {
                return delta;
            }

            return value.Date is { } date ? date - timeProvider.GetUtcNow() : null;
        }

        // Two threads may both build one; the first kept wins and the other is dropped unused.
        private static ResiliencePipeline Keep(ref ResiliencePipeline? field, ResiliencePipeline built) =>
            Interlocked.CompareExchange(ref field, built, null) ?? built;

        private static bool IsTransient(int status) => (HttpStatusCode)status is (HttpStatusCode)429 or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

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

        // The shorter of the two limits bounds the one attempt.
        private static ResiliencePipeline BuildWithoutRetries(PlaidPartnerOptions options, TimeProvider timeProvider)
        {
            var attemptIsShorter = options.AttemptTimeout != Timeout.InfiniteTimeSpan
                && (options.Timeout == Timeout.InfiniteTimeSpan || options.AttemptTimeout < options.Timeout);
            var limit = attemptIsShorter ? options.AttemptTimeout : options.Timeout;
            if (limit == Timeout.InfiniteTimeSpan)
            {
                return ResiliencePipeline.Empty;
            }

            var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
            AddTimeout(builder, limit, isCallTimeout: !attemptIsShorter);
            return builder.Build();
        }

        private ResiliencePipeline BuildWithRetries(PlaidPartnerOptions options, ILogger logger)
        {
            var retryOptions = options.Retry;
            var timeProvider = _timeProvider;
            var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
            if (options.Timeout != Timeout.InfiniteTimeSpan)
            {
                AddTimeout(builder, options.Timeout, isCallTimeout: true);
            }

            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retryOptions.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = retryOptions.BaseDelay,
                MaxDelay = retryOptions.MaxDelay,
                UseJitter = retryOptions.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome)),
                DelayGenerator = args =>
                {
                    var requested = RetryAfter(args.Outcome, timeProvider);
                    return new ValueTask<TimeSpan?>(requested is { } wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null);
                },
                OnRetry = args =>
                {
                    // The call's path is the context's operation key (PlaidCallPipeline).
                    var path = args.Context.OperationKey ?? "(unknown)";
                    var failure = args.Outcome.Result as PlaidFailure;
                    PlaidCallTelemetry.RetryScheduled(path, failure, args.Outcome.Exception);
                    PlaidLog.Retrying(logger, path, args.AttemptNumber + 1, Describe(failure, args.Outcome.Exception), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });

            // An attempt timeout no shorter than the whole call's would never be the one to end an attempt.
            if (options.AttemptTimeout != Timeout.InfiniteTimeSpan && (options.Timeout == Timeout.InfiniteTimeSpan || options.AttemptTimeout < options.Timeout))
            {
                AddTimeout(builder, options.AttemptTimeout, isCallTimeout: false);
            }

            return builder.Build();
        }

        private static void AddTimeout(ResiliencePipelineBuilder builder, TimeSpan timeout, bool isCallTimeout) =>
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = timeout,
                OnTimeout = isCallTimeout ? MarkCallTimedOut : null,
            });

        private static ValueTask MarkCallTimedOut(OnTimeoutArguments args)
        {
            args.Context.Properties.Set(CallTimedOutKey, true);
            return default;
        }

        private static string Describe(PlaidFailure? failure, Exception? exception) => (failure, exception) switch
        {
            ({ } f, _) => $"HTTP {f.StatusCode}",
            (_, TimeoutRejectedException) => "attempt timed out",
            (_, null) => "unknown",
            _ => exception.GetType().Name,
        };
    }
}
