using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Diagnostics;
using Polly.Timeout;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Everything a Plaid call needs apart from the HttpClient it goes through: the validated options, the generated
    /// client, the retry pipeline, the timers, the logger and the mapping of failures to the public exceptions. Built
    /// once per <c>AddPlaidPartner</c> registration (again when its options change) and shared by every client resolved
    /// from it; a client constructed directly builds its own. Thread-safe, and nothing in it is per call.
    /// </summary>
    /// <remarks>
    /// The public clients are one line per method: the request, the path, the generated operation, and whether the call
    /// reads (retried), writes (sent once) or creates an end customer (checked, Production only, sent once).
    /// </remarks>
    internal sealed class PlaidCallPipeline
    {
        private readonly PlaidPartnerApiClient _api;
        private readonly PlaidResilience _resilience;
        private readonly TimeoutSources _timeouts;
        private readonly PlaidCallLimits _limits;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;

        private PlaidCallPipeline(PlaidPartnerOptions validatedOptions, ILogger logger, TimeProvider timeProvider)
        {
            Options = validatedOptions;
            _api = new PlaidPartnerApiClient(validatedOptions);
            _logger = logger;
            _timeProvider = timeProvider;
            _resilience = new PlaidResilience(validatedOptions, logger, timeProvider);
            _timeouts = new TimeoutSources(timeProvider);
            _limits = new PlaidCallLimits(validatedOptions.Timeout, validatedOptions.AttemptTimeout);
        }

        /// <summary>The validated copy of the options; never changed.</summary>
        public PlaidPartnerOptions Options { get; }

        /// <summary>Validates and copies <paramref name="options"/> and builds the pipeline on them.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
        public static PlaidCallPipeline Create(PlaidPartnerOptions options, ILogger? logger, TimeProvider? timeProvider)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            return new PlaidCallPipeline(options.ValidatedCopy(), logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System);
        }

        /// <summary>A call that only reads: retried on transient failures (<see cref="PlaidPartnerOptions.Retry"/>).</summary>
        public Task<TResponse> ReadAsync<TRequest, TResponse>(HttpClient http, string path, TRequest body, GeneratedOperation<TRequest, TResponse> operation, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse =>
            SendAsync(http, path, body, operation, retrySafe: true, cancellationToken);

        /// <summary>
        /// A read made once, without retries: the webhook verifier's key fetch, which answers a delivery Plaid gives 10
        /// seconds and delivers again if it gets no 200, so a retry's wait would only make the answer late.
        /// </summary>
        public Task<TResponse> ReadOnceAsync<TRequest, TResponse>(HttpClient http, string path, TRequest body, GeneratedOperation<TRequest, TResponse> operation, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse =>
            SendAsync(http, path, body, operation, retrySafe: false, cancellationToken);

        /// <summary>A call that changes state: sent once, never retried.</summary>
        public Task<TResponse> WriteAsync<TRequest, TResponse>(HttpClient http, string path, TRequest body, GeneratedOperation<TRequest, TResponse> operation, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse =>
            SendAsync(http, path, body, operation, retrySafe: false, cancellationToken);

        /// <summary>
        /// Creates an end customer (GA or beta): the request's required fields are checked and the call is refused outside
        /// Production before anything is sent (Plaid creates end customers only there); then sent once.
        /// </summary>
        public Task<TResponse> CreateInProductionAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest request,
            GeneratedOperation<TRequest, TResponse> operation,
            CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            RequestValidator.Validate(request, nameof(request));
            if (!Options.Environment.IsProduction)
            {
                throw new PlaidProductionOnlyException(path, Options.Environment);
            }

            return SendAsync(http, path, request, operation, retrySafe: false, cancellationToken);
        }

        /// <summary>
        /// Changes an end customer made by the beta create (update, enable): refused outside Production before anything is
        /// sent, because that create makes end customers only there; then sent once. The caller has checked the request.
        /// </summary>
        public Task<TResponse> ChangeInProductionAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest request,
            GeneratedOperation<TRequest, TResponse> operation,
            CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            var environment = Options.Environment;
            if (!environment.IsProduction)
            {
                throw new PlaidProductionOnlyException(
                    path,
                    environment,
                    $"{path} must be called in Production: the beta create makes end customers only there, so in {environment} there is no end customer for it to change. " +
                    "Use a client whose PlaidPartnerOptions.Environment is PlaidEnvironment.Production (or a PlaidEnvironment.Custom address that stands for Production, such as the emulator).");
            }

            return SendAsync(http, path, request, operation, retrySafe: false, cancellationToken);
        }

        /// <summary>
        /// Sandbox's sample answer to a creation, asked for on purpose; refused in Production, where it would create a real
        /// customer. Async throughout, as before the pipeline existed: an invalid request or the Production refusal comes
        /// out in the returned Task, never from the call itself.
        /// </summary>
        public async Task<PlaidSandboxSample<TResponse>> CreateSandboxSampleAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest request,
            GeneratedOperation<TRequest, TResponse> operation,
            CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            RequestValidator.Validate(request, nameof(request));
            if (Options.Environment.IsProduction)
            {
                throw new InvalidOperationException(
                    $"CreateEndCustomerSandboxSampleAsync asks Sandbox for a sample, but this client is configured for {Options.Environment}, " +
                    $"where {path} creates a real, billable end customer. Use CreateEndCustomerAsync to create one.");
            }

            var sample = await SendAsync(http, path, request, operation, retrySafe: false, cancellationToken).ConfigureAwait(false);
            return new PlaidSandboxSample<TResponse>(sample);
        }

        /// <summary>Every call goes through here: observed (a span and its duration) only while a listener wants them.</summary>
        private Task<TResponse> SendAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest body,
            GeneratedOperation<TRequest, TResponse> operation,
            bool retrySafe,
            CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse =>
            PlaidCallTelemetry.IsEnabled
                ? SendObservedAsync(http, path, body, operation, retrySafe, cancellationToken)
                : SendCoreAsync(http, path, body, operation, retrySafe, cancellationToken);

        /// <summary><see cref="SendCoreAsync"/> inside the call's span (the Plaid.Partner ActivitySource) and duration measurement.</summary>
        private async Task<TResponse> SendObservedAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest body,
            GeneratedOperation<TRequest, TResponse> operation,
            bool retrySafe,
            CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse
        {
            var telemetry = PlaidCallTelemetry.Start(path, Options.Environment, Options.Secret, _timeProvider);
            try
            {
                var response = await SendCoreAsync(http, path, body, operation, retrySafe, cancellationToken).ConfigureAwait(false);
                telemetry.Succeeded(response.RequestId);
                return response;
            }
            catch (Exception e)
            {
                telemetry.Failed(e);
                throw;
            }
        }

        /// <summary>
        /// One logical call, from first attempt to outcome. The first attempt goes straight to the generated client; only a
        /// transient failure of a read enters Polly's retry pipeline, which replays that failure as its own first attempt
        /// (<see cref="ReplayFirstFailure{TRequest, TResponse}"/>), so every attempt is the same
        /// <paramref name="operation"/> and a call that succeeds at once pays for none of Polly's strategies. Failures
        /// become the public exceptions once, at the end (<see cref="Failed{TResponse}"/>).
        /// </summary>
        private async Task<TResponse> SendCoreAsync<TRequest, TResponse>(
            HttpClient http,
            string path,
            TRequest body,
            GeneratedOperation<TRequest, TResponse> operation,
            bool retrySafe,
            CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse
        {
            var started = _timeProvider.GetTimestamp();
            PlaidLog.Starting(_logger, path, retrySafe);
            var deadline = new PlaidCallDeadline(_timeouts, _limits, cancellationToken);

            // Set once the call retries; its Attempts then counts every request sent (1 until then).
            ReplayFirstFailure<TRequest, TResponse>? retries = null;
            try
            {
                TResponse response;
                Exception? firstFailure = null;
                try
                {
                    response = await operation(_api, http, body, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (retrySafe && _resilience.ShouldRetry(firstFailure = Explain(e, path, deadline)))
                {
                    retries = new ReplayFirstFailure<TRequest, TResponse>(firstFailure, _api, http, body, operation);
                    response = await _resilience.RetryAsync(path, retries, deadline.BeginRetries(_limits.Timeout, _timeProvider.GetElapsedTime(started))).ConfigureAwait(false);
                }

                LogSucceeded(path, started, response);
                return response;
            }
            catch (Exception e)
            {
                var failure = Failed<TResponse>(path, retrySafe, Explain(e, path, deadline), started, deadline.CallTimedOut);
                if (ReferenceEquals(failure, e))
                {
                    throw;
                }

                throw failure;
            }
            finally
            {
                deadline.Release();
            }
        }

        /// <summary>
        /// The exception that ends a call, logged: the generated client's error becomes <see cref="PlaidApiException"/>, a
        /// timeout becomes <see cref="TimeoutException"/> naming the limit; transport failures and the caller's
        /// cancellation stay as they are.
        /// </summary>
        private Exception Failed<TResponse>(string path, bool retrySafe, Exception exception, long started, bool callTimedOut)
        {
            switch (exception)
            {
                case PlaidGeneratedApiException generated:
                    var api = PlaidApiExceptionFactory.Create(path, typeof(TResponse), generated, Options.Secret);
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
                case OperationCanceledException when callTimedOut:
                    PlaidLog.TimedOut(_logger, path, Options.Timeout, Elapsed(started));
                    return new TimeoutException($"Plaid {path} did not complete within {Options.Timeout} (PlaidPartnerOptions.Timeout).", exception);
                case TimeoutRejectedException:
                    PlaidLog.TimedOut(_logger, path, Options.AttemptTimeout, Elapsed(started));
                    var why = retrySafe ? " on its last attempt" : "; it was not retried because it changes state";
                    return new TimeoutException($"Plaid {path} did not answer within {Options.AttemptTimeout} (PlaidPartnerOptions.AttemptTimeout){why}.", exception);
                case HttpRequestException or IOException:
                    PlaidLog.TransportFailed(_logger, path, exception.GetType().Name, Elapsed(started));
                    return exception;
                default:
                    return exception;
            }
        }

        /// <summary>
        /// A first attempt cut off by its own AttemptTimeout is what Polly's timeout strategy throws for later attempts, so
        /// the retry pipeline and <see cref="Failed{TResponse}"/> treat every attempt's timeout alike.
        /// </summary>
        private Exception Explain(Exception exception, string path, in PlaidCallDeadline deadline) =>
            exception is OperationCanceledException && deadline.FirstAttemptTimedOut
                ? new TimeoutRejectedException($"Plaid {path} did not answer within {Options.AttemptTimeout}.", Options.AttemptTimeout, exception)
                : exception;

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
