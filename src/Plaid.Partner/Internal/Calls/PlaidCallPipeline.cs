using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Everything a Plaid call needs beyond its request: the validated options, the generated client, the retry rules and
    /// timeouts, the logger and the mapping of failures to the public exceptions. Built once per <c>AddPlaidPartner</c>
    /// registration (again when its options change) and shared by every client resolved from it; a client constructed
    /// directly builds its own. Thread-safe, and nothing in it is per call.
    /// </summary>
    /// <remarks>
    /// Every call is <see cref="SendAsync"/> of one <see cref="PlaidOperation{TRequest, TResponse}"/>: the request is
    /// checked and the Production rule applied (by the operation's kind), then every attempt runs under the call's timeouts
    /// (<see cref="PlaidCallTimeouts"/>) and is retried on a transient failure when the kind is a read
    /// (<see cref="PlaidRetryRules"/>), and the outcome is logged, observed and, when it failed, turned into the one
    /// exception the caller sees.
    /// </remarks>
    internal sealed class PlaidCallPipeline
    {
        private readonly PlaidPartnerApiClient _api;
        private readonly PlaidRetryRules _retryRules;
        private readonly PlaidCallTimeouts _timeouts;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;

        private PlaidCallPipeline(PlaidPartnerOptions validatedOptions, ILogger logger, TimeProvider timeProvider, PlaidMetrics metrics)
        {
            Options = validatedOptions;
            Metrics = metrics;
            _api = new PlaidPartnerApiClient(validatedOptions);
            _logger = logger;
            _timeProvider = timeProvider;
            _retryRules = new PlaidRetryRules(validatedOptions.Retry, timeProvider);
            _timeouts = new PlaidCallTimeouts(validatedOptions, timeProvider);
        }

        /// <summary>The validated copy of the options; never changed.</summary>
        public PlaidPartnerOptions Options { get; }

        /// <summary>The instruments every call of this pipeline records on, and its clients' webhook verifiers.</summary>
        public PlaidMetrics Metrics { get; }

        /// <summary>Validates and copies <paramref name="options"/> and builds the pipeline on them.</summary>
        /// <param name="options">The options, copied.</param>
        /// <param name="logger">Where calls are logged; none when null.</param>
        /// <param name="timeProvider">The clock; the system's when null.</param>
        /// <param name="metrics">The instruments; the process's (<see cref="PlaidMetrics.Unhosted"/>) when null.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
        public static PlaidCallPipeline Create(PlaidPartnerOptions options, ILogger? logger, TimeProvider? timeProvider, PlaidMetrics? metrics = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            return new PlaidCallPipeline(options.ValidatedCopy(), logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System, metrics ?? PlaidMetrics.Unhosted);
        }

        /// <summary>
        /// One call of <paramref name="operation"/>. An invalid request or the Production rule throws here, before anything
        /// is sent, except for a sandbox sample, whose refusal comes out in the returned Task.
        /// </summary>
        public Task<TResponse> SendAsync<TRequest, TResponse>(PlaidOperation<TRequest, TResponse> operation, HttpClient http, TRequest request, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            try
            {
                Check(operation, request);
            }
            catch (Exception e) when (operation.Kind == PlaidCallKind.SandboxSample)
            {
                return Task.FromException<TResponse>(e);
            }

            return SendCheckedAsync(operation, http, request, cancellationToken);
        }

        /// <summary>The request's contract, then the environment the operation's kind requires.</summary>
        private void Check<TRequest, TResponse>(PlaidOperation<TRequest, TResponse> operation, TRequest request)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            if (operation.ChecksRequest)
            {
                RequestValidator.Validate(request, nameof(request));
                if (operation.EndCustomerClientId is { } id && string.IsNullOrWhiteSpace(id(request)))
                {
                    var type = typeof(TRequest).Name;
                    throw new ArgumentException($"{type} is not valid: {type}.EndCustomerClientId ('end_customer_client_id') must be a non-empty Plaid id.", nameof(request));
                }
            }

            var environment = Options.Environment;
            switch (operation.Kind)
            {
                case PlaidCallKind.CreateInProduction when !environment.IsProduction:
                    throw new PlaidProductionOnlyException(operation.Path, environment);
                case PlaidCallKind.ChangeInProduction when !environment.IsProduction:
                    throw new PlaidProductionOnlyException(
                        operation.Path,
                        environment,
                        $"{operation.Path} must be called in Production: the beta create makes end customers only there, so in {environment} there is no end customer for it to change. " +
                        "Use a client whose PlaidPartnerOptions.Environment is PlaidEnvironment.Production (or a PlaidEnvironment.Custom address that stands for Production, such as the emulator).");
                case PlaidCallKind.SandboxSample when environment.IsProduction:
                    throw new InvalidOperationException(
                        $"CreateEndCustomerSandboxSampleAsync asks Sandbox for a sample, but this client is configured for {environment}, " +
                        $"where {operation.Path} creates a real, billable end customer. Use CreateEndCustomerAsync to create one.");
            }
        }

        /// <summary>
        /// One logical call, from first attempt to outcome: attempts under their timeouts, retried by the rules for reads
        /// only (<see cref="PlaidRetryRules"/>), the outcome logged and observed, and a failure thrown once, as the public
        /// exception (<see cref="Failed"/>). Plaid's answers come back as values (<see cref="PlaidAttempt{TResponse}"/>), so
        /// a refused call throws nothing until here.
        /// </summary>
        private async Task<TResponse> SendCheckedAsync<TRequest, TResponse>(PlaidOperation<TRequest, TResponse> operation, HttpClient http, TRequest request, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            var path = operation.Path;
            var telemetry = PlaidCallTelemetry.IsEnabled(Metrics) ? PlaidCallTelemetry.Start(Metrics, path, Options.Environment, Options.Secret, _timeProvider) : default;
            var started = _timeProvider.GetTimestamp();
            PlaidLog.Starting(_logger, path, operation.RetrySafe);

            var retries = operation.RetrySafe ? _retryRules.MaxRetryAttempts : 0;
            PlaidFailure? failure;
            Exception? exception;
            PlaidCallExpiry expiry;
            for (var attempt = 0; ; attempt++)
            {
                TResponse? response = null;
                failure = null;
                exception = null;
                var step = _timeouts.StartAttempt(attempt == 0 ? TimeSpan.Zero : _timeProvider.GetElapsedTime(started), cancellationToken);
                try
                {
                    var answer = await operation.Send(_api, http, request, step.Token).ConfigureAwait(false);
                    response = answer.Response;
                    failure = answer.Failure;
                }
                catch (PlaidResponseTooLargeException e)
                {
                    failure = e.Failure;
                }
                catch (Exception e)
                {
                    exception = e;
                }
                finally
                {
                    expiry = _timeouts.End(step);
                }

                if (response is not null)
                {
                    LogSucceeded(path, started, response);
                    telemetry.Succeeded(response.RequestId);
                    return response;
                }

                // Only a cancellation the step's own timer caused is a timeout; the caller's stays a cancellation.
                var attemptTimedOut = expiry == PlaidCallExpiry.Attempt && exception is OperationCanceledException;
                if (attemptTimedOut)
                {
                    var why = operation.RetrySafe ? " on its last attempt" : "; it was not retried because it changes state";
                    exception = new TimeoutException($"Plaid {path} did not answer within {Options.AttemptTimeout} (PlaidPartnerOptions.AttemptTimeout){why}.", exception);
                }

                if (expiry == PlaidCallExpiry.Call || attempt >= retries || _retryRules.RetryDelay(attempt, failure, exception, attemptTimedOut) is not { } delay)
                {
                    break;
                }

                PlaidCallTelemetry.RetryScheduled(Metrics, path, failure, exception);
                PlaidLog.Retrying(_logger, path, attempt + 1, Describe(failure, exception, attemptTimedOut), (long)delay.TotalMilliseconds);
                if (delay > TimeSpan.Zero)
                {
                    var wait = _timeouts.StartWait(_timeProvider.GetElapsedTime(started), cancellationToken);
                    Exception? cancelled = null;
                    try
                    {
                        await Delay(delay, wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException e)
                    {
                        cancelled = e;
                    }
                    finally
                    {
                        expiry = _timeouts.End(wait);
                    }

                    if (cancelled is not null)
                    {
                        // The caller's cancellation, or the call's Timeout (expiry says which).
                        failure = null;
                        exception = cancelled;
                        break;
                    }
                }
            }

            var thrown = Failed(path, typeof(TResponse), failure, exception, expiry == PlaidCallExpiry.Call, started);
            telemetry.Failed(thrown);
            if (ReferenceEquals(thrown, exception) && thrown is not TimeoutException)
            {
                // Transport failures and the caller's cancellation, as they were thrown.
                ExceptionDispatchInfo.Capture(thrown).Throw();
            }

            throw thrown;
        }

        private Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
#if NETSTANDARD2_0
            TimeProviderTaskExtensions.Delay(_timeProvider, delay, cancellationToken);
#else
            Task.Delay(delay, _timeProvider, cancellationToken);
#endif

        /// <summary>
        /// The exception that ends a failed call, logged: Plaid's answer becomes <see cref="PlaidApiException"/>, a timeout
        /// <see cref="TimeoutException"/> naming the limit; transport failures and the caller's cancellation stay as they are.
        /// </summary>
        private Exception Failed(string path, Type responseType, PlaidFailure? failure, Exception? exception, bool callTimedOut, long started)
        {
            if (callTimedOut)
            {
                PlaidLog.TimedOut(_logger, path, Options.Timeout, Elapsed(started));
                return new TimeoutException($"Plaid {path} did not complete within {Options.Timeout} (PlaidPartnerOptions.Timeout).", exception);
            }

            switch (exception)
            {
                case null:
                    return Refused(path, responseType, failure!, started);
                case TimeoutException:
                    PlaidLog.TimedOut(_logger, path, Options.AttemptTimeout, Elapsed(started));
                    return exception;
                case HttpRequestException or IOException:
                    PlaidLog.TransportFailed(_logger, path, exception.GetType().Name, Elapsed(started));
                    return exception;
                default:
                    return exception;
            }
        }

        private PlaidApiException Refused(string path, Type responseType, PlaidFailure failure, long started)
        {
            var api = PlaidApiExceptionFactory.Create(path, responseType, failure, Options.Secret);
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                // Whoever answered chose these; the line shows them redacted, escaped and cut.
                PlaidLog.CallFailed(
                    _logger,
                    path,
                    (int)api.StatusCode,
                    ResponseFieldText.Of(api.ErrorType?.ToString(), Options.Secret),
                    ResponseFieldText.Of(api.ErrorCode, Options.Secret),
                    Elapsed(started),
                    ResponseFieldText.Of(api.RequestId, Options.Secret));
            }

            return api;
        }

        private static string Describe(PlaidFailure? failure, Exception? exception, bool attemptTimedOut) =>
            failure is not null ? $"HTTP {failure.StatusCode}" : attemptTimedOut ? "attempt timed out" : exception?.GetType().Name ?? "unknown";

        // The elapsed time is read only when the line will be written.
        private void LogSucceeded(string path, long started, IPlaidResponse response)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                PlaidLog.CallSucceeded(_logger, path, (int)HttpStatusCode.OK, Elapsed(started), ResponseFieldText.Of(response.RequestId, Options.Secret));
            }
        }

        private long Elapsed(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
    }
}
