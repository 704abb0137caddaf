using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The Polly pipelines around each call. Read calls get retries (exponential backoff with jitter, Retry-After
    /// honoured) around a per-attempt timeout; calls that change state get only the per-attempt timeout, because once a
    /// create may have reached Plaid, sending it again could create a second real end customer.
    /// </summary>
    internal sealed class PlaidResilience
    {
        public const string PathPropertyName = "Plaid.Path";

        private static readonly ResiliencePropertyKey<string> PathKey = new(PathPropertyName);

        public PlaidResilience(PlaidPartnerOptions options, ILogger logger, TimeProvider timeProvider)
        {
            ReadPipeline = Build(options, logger, timeProvider, retry: options.Retry.MaxRetryAttempts > 0);
            WritePipeline = Build(options, logger, timeProvider, retry: false);
        }

        /// <summary>For get, OAuth institutions and webhook key get.</summary>
        public ResiliencePipeline ReadPipeline { get; }

        /// <summary>For create, enable and remove.</summary>
        public ResiliencePipeline WritePipeline { get; }

        public static async ValueTask<T> ExecuteAsync<T>(ResiliencePipeline pipeline, string path, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(PathKey, path);
            try
            {
                return await pipeline.ExecuteAsync(static (ctx, state) => state(ctx.CancellationToken), context, call).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>429, 500, 502, 503 and 504, an attempt that timed out, and a connection that failed or dropped.</summary>
        public static bool IsTransient(Exception exception) => exception switch
        {
            PlaidApiException api => api.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            TimeoutRejectedException => true,
            HttpRequestException => true,
            IOException => true,
            _ => false,
        };

        /// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c> (seconds or an HTTP date), if any.</summary>
        public static TimeSpan? RetryAfter(Exception exception, TimeProvider timeProvider)
        {
            if (exception is not PlaidApiException api)
            {
                return null;
            }

            var header = api.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase));
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

        private static ResiliencePipeline Build(PlaidPartnerOptions options, ILogger logger, TimeProvider timeProvider, bool retry)
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
            if (retry)
            {
                var retryOptions = options.Retry;
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = retryOptions.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = retryOptions.BaseDelay,
                    MaxDelay = retryOptions.MaxDelay,
                    UseJitter = retryOptions.UseJitter,
                    // A Retry-After longer than MaxDelay is honoured by not retrying: waiting less would spend an attempt on
                    // a request Plaid already said it will refuse, and the caller sees the 429 with its header instead.
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } e && IsTransient(e) && !(RetryAfter(e, timeProvider) > retryOptions.MaxDelay)),
                    DelayGenerator = args =>
                    {
                        var requested = args.Outcome.Exception is { } e ? RetryAfter(e, timeProvider) : null;
                        return ValueTask.FromResult(requested is { } wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : (TimeSpan?)null);
                    },
                    OnRetry = args =>
                    {
                        PlaidLog.Retrying(
                            logger,
                            args.Context.Properties.GetValue(PathKey, "(unknown)"),
                            args.AttemptNumber + 1,
                            Describe(args.Outcome.Exception),
                            (long)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                });
            }

            if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
            {
                builder.AddTimeout(options.AttemptTimeout);
            }

            return builder.Build();
        }

        private static string Describe(Exception? exception) => exception switch
        {
            PlaidApiException api => $"HTTP {(int)api.StatusCode}",
            TimeoutRejectedException => "attempt timed out",
            null => "unknown",
            _ => exception.GetType().Name,
        };
    }
}
