using System;
using System.IO;
using System.Linq;
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
    /// The Polly retry pipeline of read calls: exponential backoff with jitter, Retry-After honoured, a per-attempt
    /// timeout. <see cref="PlaidCallPipeline"/> makes the first attempt itself and enters the pipeline only after a
    /// transient failure of a read call; calls that change state never do, because once a create may have reached
    /// Plaid, sending it again could create a second real end customer. Failures are judged as the generated client
    /// throws them (<see cref="PlaidGeneratedApiException"/>: status and headers); they become
    /// <see cref="PlaidApiException"/> once, when the call ends.
    /// </summary>
    internal sealed class PlaidResilience
    {
        public const string PathPropertyName = "Plaid.Path";

        private static readonly ResiliencePropertyKey<string> PathKey = new(PathPropertyName);

        private readonly TimeProvider _timeProvider;
        private readonly TimeSpan _maxDelay;

        public PlaidResilience(PlaidPartnerOptions options, ILogger logger, TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
            _maxDelay = options.Retry.MaxDelay;
            RetryPipeline = options.Retry.MaxRetryAttempts > 0 ? Build(options, logger) : null;
        }

        /// <summary>For get, OAuth institutions and webhook key get; null when retries are switched off.</summary>
        public ResiliencePipeline? RetryPipeline { get; }

        /// <summary>
        /// Runs the retry pipeline after the first attempt failed: the pipeline's attempt 0 replays that failure
        /// (<paramref name="attempts"/>) instead of calling Plaid again, so its backoff, Retry-After, retry logging and
        /// attempt numbers are exactly those of a pipeline that had made the first attempt itself.
        /// </summary>
        public async Task<TResponse> RetryAsync<TRequest, TResponse>(string path, ReplayFirstFailure<TRequest, TResponse> attempts, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(PathKey, path);
            try
            {
                return await RetryPipeline!.ExecuteAsync(static (ctx, state) => state.NextAsync(ctx.CancellationToken), context, attempts).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>
        /// Whether a failed attempt of a read call is retried (the client asks this about its first attempt, the pipeline
        /// about later ones): retries are on, the failure is transient, and any Retry-After is within MaxDelay. A longer
        /// Retry-After is honoured by not retrying: waiting less would spend an attempt on a request Plaid already said it
        /// will refuse, and the caller sees the 429 with its header instead.
        /// </summary>
        public bool ShouldRetry(Exception exception) =>
            RetryPipeline is not null && IsTransient(exception) && !(RetryAfter(exception, _timeProvider) > _maxDelay);

        /// <summary>429, 500, 502, 503 and 504, an attempt that timed out, and a connection that failed or dropped.</summary>
        public static bool IsTransient(Exception exception) => exception switch
        {
            PlaidGeneratedApiException api => (HttpStatusCode)api.StatusCode is (HttpStatusCode)429 or HttpStatusCode.InternalServerError
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            TimeoutRejectedException => true,
            HttpRequestException => true,
            IOException => true,
            _ => false,
        };

        /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
        public static TimeSpan? RetryAfter(Exception exception, TimeProvider timeProvider)
        {
            if (exception is not PlaidGeneratedApiException api)
            {
                return null;
            }

            var header = api.Headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase));
            if (header.Value is null || !RetryConditionHeaderValue.TryParse(header.Value.FirstOrDefault(), out var value))
            {
                return null;
            }

            if (value.Delta is { } delta)
            {
                return delta;
            }

            return value.Date is { } date ? date - timeProvider.GetUtcNow() : null;
        }

        private ResiliencePipeline Build(PlaidPartnerOptions options, ILogger logger)
        {
            var retryOptions = options.Retry;
            var timeProvider = _timeProvider;
            var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retryOptions.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = retryOptions.BaseDelay,
                MaxDelay = retryOptions.MaxDelay,
                UseJitter = retryOptions.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } e && ShouldRetry(e)),
                DelayGenerator = args =>
                {
                    var requested = args.Outcome.Exception is { } e ? RetryAfter(e, timeProvider) : null;
                    return new ValueTask<TimeSpan?>(requested is { } wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null);
                },
                OnRetry = args =>
                {
                    var path = args.Context.Properties.GetValue(PathKey, "(unknown)");
                    PlaidCallTelemetry.RetryScheduled(path, args.Outcome.Exception);
                    PlaidLog.Retrying(
                        logger,
                        path,
                        args.AttemptNumber + 1,
                        Describe(args.Outcome.Exception),
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });

            if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
            {
                builder.AddTimeout(options.AttemptTimeout);
            }

            return builder.Build();
        }

        private static string Describe(Exception? exception) => exception switch
        {
            PlaidGeneratedApiException api => $"HTTP {api.StatusCode}",
            TimeoutRejectedException => "attempt timed out",
            null => "unknown",
            _ => exception.GetType().Name,
        };
    }
}
