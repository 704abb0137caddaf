using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// Plaid's <b>beta</b> partner endpoints, reached through <see cref="PlaidPartnerClient.Beta"/>: onboarding an end
    /// customer step by step. Create it with what is known (<see cref="CreateEndCustomerAsync"/>), read what is still
    /// due (<see cref="GetEndCustomerAsync"/>), send the missing details (<see cref="UpdateEndCustomerAsync"/>) until
    /// nothing is, then enable it (<see cref="EnableEndCustomerAsync"/>). Beta means Plaid may change or withdraw these
    /// endpoints, so this class and the models only it uses are outside this library's Semantic Versioning promise:
    /// they may change in a minor version (README, "Versioning"). Calls share the owning client's credentials,
    /// environment, timeouts, retries and errors.
    /// </summary>
    /// <remarks>
    /// Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update and /enable. Plaid's docs do not say how
    /// Sandbox answers the beta calls. Because the beta create makes end customers only in Production (as
    /// <c>/partner/customer/create</c> does), this library also refuses update and enable outside Production, where there
    /// is no such end customer to change, before sending anything; get, a read, is sent in any environment.
    /// </remarks>
    public class PlaidPartnerBetaClient
    {
        private readonly PlaidCallPipeline _pipeline = null!;
        private readonly HttpClient _http = null!;

        /// <summary>For mocking only: a client built this way has no transport.</summary>
        protected PlaidPartnerBetaClient()
        {
        }

        /// <summary>The beta endpoints on the owning client's pipeline and HttpClient.</summary>
        internal PlaidPartnerBetaClient(PlaidCallPipeline pipeline, HttpClient httpClient)
        {
            _pipeline = pipeline;
            _http = httpClient;
        }

        /// <summary>
        /// Beta: creates an end customer record (<c>/beta/partner/customer/v1/create</c>) from as much information as is
        /// available; whatever its products still need is listed in the answer's
        /// <see cref="BetaPartnerEndCustomer.RequirementsDue"/>, with the status
        /// <see cref="PartnerEndCustomerStatus.MoreInformationNeeded"/> until nothing is. Production only, like
        /// <see cref="PlaidPartnerClient.CreateEndCustomerAsync"/>: Plaid creates end customers, Sandbox keys included,
        /// only in Production. Never retried: it creates a customer.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The new end customer with its <c>client_id</c>, status, product statuses, requirements due and secrets.</returns>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox; nothing was sent.</exception>
        /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<BetaPartnerCustomerV1CreateResponse> CreateEndCustomerAsync(BetaPartnerCustomerV1CreateRequest request, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(PlaidOperations.BetaCreate, _http, request, cancellationToken);

        /// <summary>
        /// Beta: asks Plaid Sandbox for the sample response of <c>/beta/partner/customer/v1/create</c> on purpose: nothing
        /// is created and any keys it returns do not work.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The sample, marked as such.</returns>
        /// <exception cref="InvalidOperationException">The client is configured for Production, where the call would create a real, billable customer.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PlaidSandboxSample<BetaPartnerCustomerV1CreateResponse>> CreateEndCustomerSandboxSampleAsync(
            BetaPartnerCustomerV1CreateRequest request,
            CancellationToken cancellationToken = default) =>
            PlaidSandboxSample<BetaPartnerCustomerV1CreateResponse>.OfAsync(
                _pipeline.SendAsync(PlaidOperations.BetaCreateSandboxSample, _http, request, cancellationToken));

        /// <summary>
        /// Beta: reads an end customer's onboarding state (<c>/beta/partner/customer/v1/get</c>): its status, each
        /// product's status and what is still due. A read: retried on transient failures like
        /// <see cref="PlaidPartnerClient.GetEndCustomerAsync"/>, and sent in any environment.
        /// </summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer as it stands.</returns>
        /// <exception cref="ArgumentException"><paramref name="endCustomerClientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotFound"/>) or answered with an unreadable body.</exception>
        public virtual Task<BetaPartnerCustomerV1GetResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(
                PlaidOperations.BetaGet,
                _http,
                new BetaPartnerCustomerV1GetRequest { EndCustomerClientId = RequiredId.Check(endCustomerClientId, nameof(endCustomerClientId)) },
                cancellationToken);

        /// <summary>
        /// Beta: sends details that were missing when the end customer was created
        /// (<c>/beta/partner/customer/v1/update</c>); members left null are not sent and stay as they were. The answer
        /// shows what is still due. Production only (see the class remarks) and never retried: it changes state.
        /// </summary>
        /// <param name="request">The end customer's id and the details to add; <c>end_customer_client_id</c> is checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer after the update, with its status and any requirements still due.</returns>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox; nothing was sent.</exception>
        /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotFound"/>) or answered with an unreadable body.</exception>
        public virtual Task<BetaPartnerCustomerV1UpdateResponse> UpdateEndCustomerAsync(BetaPartnerCustomerV1UpdateRequest request, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(PlaidOperations.BetaUpdate, _http, request, cancellationToken);

        /// <summary>
        /// Beta: enables an end customer with nothing left due in full Production for the products named
        /// (<c>/beta/partner/customer/v1/enable</c>) and returns its Production secret. Production only (see the class
        /// remarks) and never retried: it changes state.
        /// </summary>
        /// <param name="request">The end customer's id and the products to enable; <c>end_customer_client_id</c> is checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The end customer's status, each product's status and its Production secret.</returns>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox; nothing was sent.</exception>
        /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call (e.g. <see
        /// cref="PlaidPartnerErrorCodes.CustomerNotReadyForEnablement"/> while requirements are due) or answered with
        /// an unreadable body.</exception>
        public virtual Task<BetaPartnerCustomerV1EnableResponse> EnableEndCustomerAsync(BetaPartnerCustomerV1EnableRequest request, CancellationToken cancellationToken = default) =>
            _pipeline.SendAsync(PlaidOperations.BetaEnable, _http, request, cancellationToken);
    }
}
