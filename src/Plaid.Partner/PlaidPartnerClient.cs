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
using Plaid.Partner.Internal;
using Polly.Timeout;

namespace Plaid.Partner
{
    /// <summary>
    /// The client for Plaid's Partner (reseller) API: create end customers, read their status and OAuth registration,
    /// enable them in Production and remove them. Thread-safe; create one per partner account and reuse it.
    /// </summary>
    /// <remarks>
    /// Every failed call throws <see cref="PlaidApiException"/>; a call that exceeds
    /// <see cref="PlaidPartnerOptions.Timeout"/> or <see cref="PlaidPartnerOptions.AttemptTimeout"/> throws
    /// <see cref="TimeoutException"/>; transport failures surface as <see cref="HttpRequestException"/> and cancellation
    /// as <see cref="OperationCanceledException"/>. Read calls are retried on transient failures
    /// (<see cref="PlaidPartnerOptions.Retry"/>); create, enable and remove never are.
    /// </remarks>
    public class PlaidPartnerClient
    {
        internal const string CreatePath = "/partner/customer/create";
        internal const string GetPath = "/partner/customer/get";
        internal const string OAuthInstitutionsGetPath = "/partner/customer/oauth_institutions/get";
        internal const string EnablePath = "/partner/customer/enable";
        internal const string RemovePath = "/partner/customer/remove";
        internal const string WebhookVerificationKeyGetPath = "/webhook_verification_key/get";

        private readonly PlaidPartnerApiClient _api = null!;
        private readonly PlaidPartnerOptions _options = null!;
        private readonly PlaidResilience _resilience = null!;
        private readonly TimeoutSources _timeouts = null!;
        private readonly ILogger _logger = NullLogger.Instance;
        private readonly TimeProvider _timeProvider = TimeProvider.System;
        private readonly PlaidPartnerBetaClient _beta = null!;

        /// <summary>For mocking only: a client built this way has no options and no transport.</summary>
        protected PlaidPartnerClient()
        {
        }

        /// <summary>
        /// Creates a client that uses a process-wide <see cref="HttpClient"/> (TLS 1.2+, pooled connections that are
        /// recycled so DNS changes are seen).
        /// </summary>
        /// <param name="options">Credentials, environment and timeout; copied and validated here.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
        public PlaidPartnerClient(PlaidPartnerOptions options)
            : this(PlaidHttpClientFactory.Shared, options)
        {
        }

        /// <summary>Creates a client that sends through the caller's <see cref="HttpClient"/>.</summary>
        /// <param name="httpClient">The transport; its <see cref="HttpClient.BaseAddress"/> is ignored in favour of the environment's.</param>
        /// <param name="options">Credentials, environment and timeout; copied and validated here.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
        public PlaidPartnerClient(HttpClient httpClient, PlaidPartnerOptions options)
            : this(httpClient, options, logger: null, timeProvider: null)
        {
        }

        /// <summary>Creates a client that sends through the caller's <see cref="HttpClient"/> and logs to <paramref name="logger"/>.</summary>
        /// <param name="httpClient">The transport; its <see cref="HttpClient.BaseAddress"/> is ignored in favour of the environment's.</param>
        /// <param name="options">Credentials, environment, timeouts and retries; copied and validated here.</param>
        /// <param name="logger">Where each call's path, status, duration and request id are logged; null for none.</param>
        /// <param name="timeProvider">The clock for timeouts and retry waits; null for the system clock.</param>
        /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
        public PlaidPartnerClient(HttpClient httpClient, PlaidPartnerOptions options, ILogger<PlaidPartnerClient>? logger, TimeProvider? timeProvider)
        {
            if (httpClient is null)
            {
                throw new ArgumentNullException(nameof(httpClient));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            _options = options.ValidatedCopy();
            _api = new PlaidPartnerApiClient(httpClient, _options);
            _logger = logger ?? (ILogger)NullLogger.Instance;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _resilience = new PlaidResilience(_options, _logger, _timeProvider);
            _timeouts = new TimeoutSources(_timeProvider);
            _beta = new PlaidPartnerBetaClient(this);
        }

        /// <summary>The environment this client calls.</summary>
        public virtual PlaidEnvironment Environment => _options.Environment;

        /// <summary>
        /// Plaid's beta partner endpoints, on the same credentials, environment and transport as this client. Beta:
        /// Plaid may change or withdraw them, so their models may change in any version of this library.
        /// </summary>
        public virtual PlaidPartnerBetaClient Beta => _beta;

        /// <summary>
        /// Creates an end customer (<c>/partner/customer/create</c>). Production only: Plaid creates end customers,
        /// Sandbox keys included, only in Production.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The new end customer with its <c>client_id</c>, status and secrets.</returns>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox; nothing was sent.</exception>
        /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerCreateResponse> CreateEndCustomerAsync(PartnerCustomerCreateRequest request, CancellationToken cancellationToken = default) =>
            CreateInProductionAsync(CreatePath, request, (api, body, ct) => api.PartnerCustomerCreateAsync(body, ct), cancellationToken);

        /// <summary>
        /// Asks Plaid Sandbox for the sample response of <c>/partner/customer/create</c> on purpose: nothing is created
        /// and the keys it returns do not work. Useful to see the response shape without a Production account.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The sample, marked as such.</returns>
        /// <exception cref="InvalidOperationException">The client is configured for Production, where the call would create a real, billable customer.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PlaidSandboxSample<PartnerCustomerCreateResponse>> CreateEndCustomerSandboxSampleAsync(PartnerCustomerCreateRequest request, CancellationToken cancellationToken = default) =>
            CreateSandboxSampleAsync(CreatePath, request, (api, body, ct) => api.PartnerCustomerCreateAsync(body, ct), cancellationToken);

        /// <summary>Reads an end customer's status (<c>/partner/customer/get</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotFound"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerGetResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default)
        {
            var body = new PartnerCustomerGetRequest { EndCustomerClientId = RequireId(endCustomerClientId, nameof(endCustomerClientId)) };
            return SendAsync(GetPath, body, static (api, b, ct) => api.PartnerCustomerGetAsync(b, ct), retrySafe: true, cancellationToken);
        }

        /// <summary>Reads an end customer's OAuth registration with each institution (<c>/partner/customer/oauth_institutions/get</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The flowdown and questionnaire status and the institutions.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerOAuthInstitutionsGetResponse> GetEndCustomerOAuthInstitutionsAsync(string endCustomerClientId, CancellationToken cancellationToken = default)
        {
            var body = new PartnerCustomerOAuthInstitutionsGetRequest { EndCustomerClientId = RequireId(endCustomerClientId, nameof(endCustomerClientId)) };
            return SendAsync(OAuthInstitutionsGetPath, body, static (api, b, ct) => api.PartnerCustomerOauthInstitutionsGetAsync(b, ct), retrySafe: true, cancellationToken);
        }

        /// <summary>Enables an end customer in full Production (<c>/partner/customer/enable</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer's Production secret.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotReadyForEnablement"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerEnableResponse> EnableEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default)
        {
            var body = new PartnerCustomerEnableRequest { EndCustomerClientId = RequireId(endCustomerClientId, nameof(endCustomerClientId)) };
            return SendAsync(EnablePath, body, static (api, b, ct) => api.PartnerCustomerEnableAsync(b, ct), retrySafe: false, cancellationToken);
        }

        /// <summary>Removes an end customer that is not yet enabled in full Production (<c>/partner/customer/remove</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The response, with its <c>request_id</c>.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerRemovalNotAllowed"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerRemoveResponse> RemoveEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default)
        {
            var body = new PartnerCustomerRemoveRequest { EndCustomerClientId = RequireId(endCustomerClientId, nameof(endCustomerClientId)) };
            return SendAsync(RemovePath, body, static (api, b, ct) => api.PartnerCustomerRemoveAsync(b, ct), retrySafe: false, cancellationToken);
        }

        /// <summary>Gets the public key (a JWK) that signs webhooks with the given key id (<c>/webhook_verification_key/get</c>).</summary>
        /// <param name="keyId">The <c>kid</c> from the webhook's <c>Plaid-Verification</c> JWT header.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The key, with <c>created_at</c> and (once rotated out) <c>expired_at</c>.</returns>
        /// <exception cref="ArgumentException"><paramref name="keyId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<WebhookVerificationKeyGetResponse> GetWebhookVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default)
        {
            var body = new WebhookVerificationKeyGetRequest { KeyId = RequireId(keyId, nameof(keyId)) };
            return SendAsync(WebhookVerificationKeyGetPath, body, static (api, b, ct) => api.WebhookVerificationKeyGetAsync(b, ct), retrySafe: true, cancellationToken);
        }

        /// <summary>
        /// The production-only rule for every end-customer creation (GA and beta): validate, refuse outside
        /// Production before anything is sent, then send.
        /// </summary>
        internal Task<TResponse> CreateInProductionAsync<TRequest, TResponse>(string path, TRequest request, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            RequestValidator.Validate(request, nameof(request));
            if (!_options.Environment.IsProduction)
            {
                throw new PlaidProductionOnlyException(path, _options.Environment);
            }

            return SendAsync(path, request, call, retrySafe: false, cancellationToken);
        }

        /// <summary>The opt-in to Sandbox's sample creation response, refused in Production where it would create a real customer.</summary>
        internal async Task<PlaidSandboxSample<TResponse>> CreateSandboxSampleAsync<TRequest, TResponse>(string path, TRequest request, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, CancellationToken cancellationToken)
            where TRequest : class
            where TResponse : class, IPlaidResponse
        {
            RequestValidator.Validate(request, nameof(request));
            if (_options.Environment.IsProduction)
            {
                throw new InvalidOperationException($"CreateEndCustomerSandboxSampleAsync asks Sandbox for a sample, but this client is configured for {_options.Environment}, where {path} creates a real, billable end customer. Use CreateEndCustomerAsync to create one.");
            }

            var sample = await SendAsync(path, request, call, retrySafe: false, cancellationToken).ConfigureAwait(false);
            return new PlaidSandboxSample<TResponse>(sample);
        }

        /// <summary>Every call goes through here: observed (a span and its duration) only while a listener wants them.</summary>
        internal Task<TResponse> SendAsync<TRequest, TResponse>(string path, TRequest body, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, bool retrySafe, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse =>
            PlaidCallTelemetry.IsEnabled ? SendObservedAsync(path, body, call, retrySafe, cancellationToken) : SendCoreAsync(path, body, call, retrySafe, cancellationToken);

        /// <summary><see cref="SendCoreAsync"/> inside the call's span (Plaid.Partner ActivitySource) and duration measurement.</summary>
        private async Task<TResponse> SendObservedAsync<TRequest, TResponse>(string path, TRequest body, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, bool retrySafe, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse
        {
            var telemetry = PlaidCallTelemetry.Start(path, _options.Environment, _timeProvider);
            try
            {
                var response = await SendCoreAsync(path, body, call, retrySafe, cancellationToken).ConfigureAwait(false);
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
        /// One call: the first attempt, for most calls the only one, runs under a single timer set to the shorter of
        /// <see cref="PlaidPartnerOptions.AttemptTimeout"/> and <see cref="PlaidPartnerOptions.Timeout"/>. Only a transient
        /// failure of a read call enters Polly's retry pipeline (backoff, Retry-After, per-attempt timeouts), under a timer
        /// for the rest of the total timeout: the pipeline's strategies cost more per call than the rest of the client
        /// (benchmarks/README.md, P1), and a call that succeeds at once needs none of them.
        /// </summary>
        private async Task<TResponse> SendCoreAsync<TRequest, TResponse>(string path, TRequest body, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, bool retrySafe, CancellationToken cancellationToken)
            where TResponse : class, IPlaidResponse
        {
            var started = _timeProvider.GetTimestamp();
            PlaidLog.Starting(_logger, path, retrySafe);
            var attemptTimeoutIsShorter = _options.AttemptTimeout != Timeout.InfiniteTimeSpan
                && (_options.Timeout == Timeout.InfiniteTimeSpan || _options.AttemptTimeout < _options.Timeout);
            var firstTimeout = attemptTimeoutIsShorter ? _options.AttemptTimeout : _options.Timeout;
            CancellationTokenSource? firstTimer = null;
            CancellationTokenSource? total = null;
            CancellationTokenSource? linked = null;
            try
            {
                firstTimer = firstTimeout == Timeout.InfiniteTimeSpan ? null : _timeouts.Rent(firstTimeout);
                total = attemptTimeoutIsShorter ? null : firstTimer;
                linked = Link(cancellationToken, firstTimer);
                Exception firstFailure;
                try
                {
                    // AttemptAsync, inlined for the first attempt: one asynchronous layer less on every call.
                    TResponse response;
                    try
                    {
                        response = await call(_api, body, linked?.Token ?? firstTimer?.Token ?? cancellationToken).ConfigureAwait(false);
                    }
                    catch (PlaidGeneratedApiException e)
                    {
                        throw PlaidApiExceptionFactory.Create(path, typeof(TResponse), e, _options.Secret);
                    }

                    LogSucceeded(path, started, response);
                    return response;
                }
                catch (OperationCanceledException e) when (attemptTimeoutIsShorter && !cancellationToken.IsCancellationRequested && firstTimer!.IsCancellationRequested)
                {
                    // What Polly's timeout strategy throws, so the retry pipeline and the messages below treat it alike.
                    firstFailure = new TimeoutRejectedException($"Plaid {path} did not answer within {_options.AttemptTimeout}.", _options.AttemptTimeout, e);
                }
                catch (Exception e) when (retrySafe && _resilience.ShouldRetry(e))
                {
                    firstFailure = e;
                }

                if (!retrySafe || !_resilience.ShouldRetry(firstFailure))
                {
                    ExceptionDispatchInfo.Capture(firstFailure).Throw();
                }

                linked?.Dispose();
                if (attemptTimeoutIsShorter)
                {
                    _timeouts.Return(firstTimer!);
                    firstTimer = null;
                    var remaining = _options.Timeout - _timeProvider.GetElapsedTime(started);
                    total = _options.Timeout == Timeout.InfiniteTimeSpan ? null : _timeouts.Rent(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                }

                linked = Link(cancellationToken, total);
                var retried = await PlaidResilience.RetryAfterFirstFailureAsync(
                    _resilience.RetryPipeline!,
                    path,
                    firstFailure,
                    token => AttemptAsync(path, body, call, token),
                    linked?.Token ?? total?.Token ?? cancellationToken).ConfigureAwait(false);
                LogSucceeded(path, started, retried);
                return retried;
            }
            catch (PlaidApiException e)
            {
                PlaidLog.CallFailed(_logger, path, (int)e.StatusCode, e.ErrorType?.ToString(), e.ErrorCode, Elapsed(started), e.RequestId);
                throw;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && total is { IsCancellationRequested: true })
            {
                PlaidLog.TimedOut(_logger, path, _options.Timeout, Elapsed(started));
                throw new TimeoutException($"Plaid {path} did not complete within {_options.Timeout} (PlaidPartnerOptions.Timeout).", e);
            }
            catch (TimeoutRejectedException e)
            {
                PlaidLog.TimedOut(_logger, path, _options.AttemptTimeout, Elapsed(started));
                throw new TimeoutException($"Plaid {path} did not answer within {_options.AttemptTimeout} (PlaidPartnerOptions.AttemptTimeout){(retrySafe ? " on its last attempt" : "; it was not retried because it changes state")}.", e);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                PlaidLog.TransportFailed(_logger, path, e.GetType().Name, Elapsed(started));
                throw;
            }
            finally
            {
                linked?.Dispose();
                if (firstTimer is not null)
                {
                    _timeouts.Return(firstTimer);
                }

                if (total is not null && total != firstTimer)
                {
                    _timeouts.Return(total);
                }
            }
        }

        // The elapsed time is read only when the line will be written.
        private void LogSucceeded(string path, long started, IPlaidResponse response)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                PlaidLog.CallSucceeded(_logger, path, (int)HttpStatusCode.OK, Elapsed(started), response.RequestId);
            }
        }

        /// <summary>One request; the generated client's exception becomes <see cref="PlaidApiException"/>.</summary>
        private async ValueTask<TResponse> AttemptAsync<TRequest, TResponse>(string path, TRequest body, Func<PlaidPartnerApiClient, TRequest, CancellationToken, Task<TResponse>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call(_api, body, cancellationToken).ConfigureAwait(false);
            }
            catch (PlaidGeneratedApiException e)
            {
                throw PlaidApiExceptionFactory.Create(path, typeof(TResponse), e, _options.Secret);
            }
        }

        /// <summary>The caller's token joined to a timer's, or null when one of them alone is enough.</summary>
        private static CancellationTokenSource? Link(CancellationToken cancellationToken, CancellationTokenSource? timer) =>
            timer is not null && cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token) : null;

        private long Elapsed(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

        private static string RequireId(string value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{parameterName} must be a non-empty Plaid id.", parameterName);
            }

            return value;
        }
    }
}
