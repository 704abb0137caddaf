using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Everything a Plaid call needs beyond its request: the validated options, the generated client, the resilience
    /// pipelines, the logger and the mapping of failures to the public exceptions. Built once per <c>AddPlaidPartner</c>
    /// registration (again when its options change) and shared by every client resolved from it; a client constructed
    /// directly builds its own. Thread-safe, and nothing in it is per call.
    /// </summary>
    /// <remarks>
    /// Every call is <see cref="SendAsync"/> of one <see cref="PlaidOperation{TRequest, TResponse}"/>: the request is
    /// checked and the Production rule applied (by the operation's kind), then every attempt runs through the kind's
    /// resilience pipeline (retries and timeouts for reads, timeouts only for the rest), and the outcome is logged,
    /// observed and, when it failed, turned into the one exception the caller sees.
    /// </remarks>
    internal sealed class PlaidCallPipeline
    {
        private readonly PlaidPartnerApiClient _api;
        private readonly PlaidResilience _resilience;
        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;

        private PlaidCallPipeline(PlaidPartnerOptions validatedOptions, ILogger logger, TimeProvider timeProvider)
        {
            Options = validatedOptions;
            _api = new PlaidPartnerApiClient(validatedOptions);
            _logger = logger;
            _timeProvider = timeProvider;
            _resilience = new PlaidResilience(validatedOptions, logger, timeProvider);
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
        /// One logical call, from first attempt to outcome: every attempt through the resilience pipeline, the outcome
        /// logged and observed, and a failure thrown once, as the public exception (<see cref="Failed"/>). Plaid's answers
        /// come back as values (<see cref="PlaidAttempt{TResponse}"/>), so a refused call throws nothing until here.
        /// </summary>
        private async Task<TResponse> SendCheckedAsync<TRequest, TResponse>(PlaidOperation<TRequest, TResponse> operation, HttpClient http, TRequest request, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            var path = operation.Path;
            var telemetry = PlaidCallTelemetry.IsEnabled ? PlaidCallTelemetry.Start(path, Options.Environment, Options.Secret, _timeProvider) : default;
            var started = _timeProvider.GetTimestamp();
            PlaidLog.Starting(_logger, path, operation.RetrySafe);

            var context = ResilienceContextPool.Shared.Get(path, cancellationToken);
            Outcome<object> outcome;
            bool callTimedOut;
            try
            {
                outcome = await _resilience.For(operation.Kind)
                    .ExecuteOutcomeAsync(static (ctx, state) => AttemptAsync(ctx, state), context, (Operation: operation, Api: _api, Http: http, Request: request))
                    .ConfigureAwait(false);
                callTimedOut = PlaidResilience.CallTimedOut(context);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (outcome.Result is TResponse response)
            {
                LogSucceeded(path, started, response);
                telemetry.Succeeded(response.RequestId);
                return response;
            }

            var failure = Failed(operation, outcome, started, callTimedOut);
            telemetry.Failed(failure);
            if (ReferenceEquals(failure, outcome.Exception))
            {
                // Transport failures and the caller's cancellation, as they were thrown.
                outcome.ThrowIfException();
            }

            throw failure;
        }

        /// <summary>One attempt: the generated call, with whatever it throws (transport, cancellation) as the outcome.</summary>
        private static async ValueTask<Outcome<object>> AttemptAsync<TRequest, TResponse>(
            ResilienceContext context,
            (PlaidOperation<TRequest, TResponse> Operation, PlaidPartnerApiClient Api, HttpClient Http, TRequest Request) state)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            try
            {
                var attempt = await state.Operation.Send(state.Api, state.Http, state.Request, context.CancellationToken).ConfigureAwait(false);
                return Outcome.FromResult(attempt.Outcome);
            }
            catch (PlaidResponseTooLargeException e)
            {
                return Outcome.FromResult<object>(e.Failure);
            }
            catch (Exception e)
            {
                return Outcome.FromException<object>(e);
            }
        }

        /// <summary>
        /// The exception that ends a failed call, logged: Plaid's answer becomes <see cref="PlaidApiException"/>, a timeout
        /// becomes <see cref="TimeoutException"/> naming the limit; transport failures and the caller's cancellation stay
        /// as they are.
        /// </summary>
        private Exception Failed<TRequest, TResponse>(PlaidOperation<TRequest, TResponse> operation, Outcome<object> outcome, long started, bool callTimedOut)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            var path = operation.Path;
            switch (outcome.Exception)
            {
                case null:
                    var api = PlaidApiExceptionFactory.Create(path, typeof(TResponse), (PlaidFailure)outcome.Result!, Options.Secret);
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
                case TimeoutRejectedException timedOut when callTimedOut:
                    PlaidLog.TimedOut(_logger, path, Options.Timeout, Elapsed(started));
                    return new TimeoutException($"Plaid {path} did not complete within {Options.Timeout} (PlaidPartnerOptions.Timeout).", timedOut);
                case TimeoutRejectedException timedOut:
                    PlaidLog.TimedOut(_logger, path, Options.AttemptTimeout, Elapsed(started));
                    var why = operation.RetrySafe ? " on its last attempt" : "; it was not retried because it changes state";
                    return new TimeoutException($"Plaid {path} did not answer within {Options.AttemptTimeout} (PlaidPartnerOptions.AttemptTimeout){why}.", timedOut);
                case HttpRequestException or IOException:
                    PlaidLog.TransportFailed(_logger, path, outcome.Exception.GetType().Name, Elapsed(started));
                    return outcome.Exception;
                default:
                    return outcome.Exception;
            }
        }

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
