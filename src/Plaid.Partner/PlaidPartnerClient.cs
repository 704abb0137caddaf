using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// The client for Plaid's Partner (reseller) API: create end customers, read their status and OAuth registration,
    /// enable them in Production and remove them. Thread-safe; create one per partner account and reuse it, or resolve it
    /// where needed from <c>AddPlaidPartner</c>, which builds the call machinery once and makes each resolve cheap.
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
        private readonly PlaidCallPipeline _pipeline = null!;
        private readonly HttpClient _http = null!;
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
            _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _pipeline = PlaidCallPipeline.Create(options, logger, timeProvider);
            _beta = new PlaidPartnerBetaClient(_pipeline, _http);
        }

        /// <summary>A client on a pipeline shared with others (one <c>AddPlaidPartner</c> registration) and the factory's HttpClient.</summary>
        internal PlaidPartnerClient(PlaidCallPipeline pipeline, HttpClient httpClient)
        {
            _pipeline = pipeline;
            _http = httpClient;
            _beta = new PlaidPartnerBetaClient(pipeline, httpClient);
        }

        /// <summary>The environment this client calls.</summary>
        public virtual PlaidEnvironment Environment => _pipeline.Options.Environment;

        /// <summary>
        /// Plaid's beta partner endpoints, on the same credentials, environment and transport as this client. Beta:
        /// Plaid may change or withdraw them, so they and their models may change in a minor version of this library
        /// (README, "Versioning").
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
            _pipeline.SendAsync(PlaidOperations.Create, _http, request, cancellationToken);

        /// <summary>
        /// Asks Plaid Sandbox for the sample response of <c>/partner/customer/create</c> on purpose: nothing is created
        /// and the keys it returns do not work. Useful to see the response shape without a Production account.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The sample, marked as such.</returns>
        /// <exception cref="InvalidOperationException">The client is configured for Production, where the call would create a real, billable customer.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PlaidSandboxSample<PartnerCustomerCreateResponse>> CreateEndCustomerSandboxSampleAsync(
            PartnerCustomerCreateRequest request,
            CancellationToken cancellationToken = default) =>
            PlaidSandboxSample<PartnerCustomerCreateResponse>.OfAsync(
                _pipeline.SendAsync(PlaidOperations.CreateSandboxSample, _http, request, cancellationToken));

        /// <summary>Reads an end customer's status (<c>/partner/customer/get</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotFound"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerGetResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.Get,
                _http,
                new PartnerCustomerGetRequest { EndCustomerClientId = RequiredId.Check(endCustomerClientId, nameof(endCustomerClientId)) },
                cancellationToken);

        /// <summary>Reads an end customer's OAuth registration with each institution (<c>/partner/customer/oauth_institutions/get</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The flowdown and questionnaire status and the institutions.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerOAuthInstitutionsGetResponse> GetEndCustomerOAuthInstitutionsAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.OAuthInstitutionsGet,
                _http,
                new PartnerCustomerOAuthInstitutionsGetRequest { EndCustomerClientId = RequiredId.Check(endCustomerClientId, nameof(endCustomerClientId)) },
                cancellationToken);

        /// <summary>Enables an end customer in full Production (<c>/partner/customer/enable</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer's Production secret.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotReadyForEnablement"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerEnableResponse> EnableEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.Enable,
                _http,
                new PartnerCustomerEnableRequest { EndCustomerClientId = RequiredId.Check(endCustomerClientId, nameof(endCustomerClientId)) },
                cancellationToken);

        /// <summary>Removes an end customer that is not yet enabled in full Production (<c>/partner/customer/remove</c>).</summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The response, with its <c>request_id</c>.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerRemovalNotAllowed"/>) or answered with an unreadable body.</exception>
        public virtual Task<PartnerCustomerRemoveResponse> RemoveEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.Remove,
                _http,
                new PartnerCustomerRemoveRequest { EndCustomerClientId = RequiredId.Check(endCustomerClientId, nameof(endCustomerClientId)) },
                cancellationToken);

        /// <summary>Gets the public key (a JWK) that signs webhooks with the given key id (<c>/webhook_verification_key/get</c>).</summary>
        /// <param name="keyId">The <c>kid</c> from the webhook's <c>Plaid-Verification</c> JWT header.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The key, with <c>created_at</c> and (once rotated out) <c>expired_at</c>.</returns>
        /// <exception cref="ArgumentException"><paramref name="keyId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<WebhookVerificationKeyGetResponse> GetWebhookVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.WebhookVerificationKeyGet,
                _http,
                new WebhookVerificationKeyGetRequest { KeyId = RequiredId.Check(keyId, nameof(keyId)) },
                cancellationToken);

        /// <summary>
        /// The webhook verifier's key fetch: one attempt, never retried (<see cref="PlaidCallKind.ReadOnce"/>). A
        /// client made for mocking has no pipeline; its <see cref="GetWebhookVerificationKeyAsync"/> answers instead.
        /// </summary>
        internal Task<WebhookVerificationKeyGetResponse> GetWebhookVerificationKeyOnceAsync(string keyId, CancellationToken cancellationToken) =>
            _pipeline is null
                ? GetWebhookVerificationKeyAsync(keyId, cancellationToken)
                : _pipeline.SendAsync(
                    PlaidOperations.WebhookVerificationKeyGetOnce,
                    _http,
                    new WebhookVerificationKeyGetRequest { KeyId = RequiredId.Check(keyId, nameof(keyId)) },
                    cancellationToken);

        /// <summary>The pipeline this client calls through (shared by every client of one registration).</summary>
        internal PlaidCallPipeline CallPipeline => _pipeline;
    }
}
