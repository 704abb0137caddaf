using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// Plaid's <b>beta</b> partner endpoints, reached through <see cref="PlaidPartnerClient.Beta"/>. Beta means Plaid may
    /// change or withdraw them: their request and response models follow Plaid's beta reference and may change in any
    /// version of this library. Calls share the owning client's credentials, environment, timeout and errors.
    /// </summary>
    public class PlaidPartnerBetaClient
    {
        internal const string CreatePath = "/beta/partner/customer/v1/create";

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
        /// available; whatever the requested products still need is listed in the response's
        /// <see cref="BetaPartnerCustomerV1CreateResponse.RequirementsDue"/>. Production only, like
        /// <see cref="PlaidPartnerClient.CreateEndCustomerAsync"/>: Plaid creates end customers, Sandbox keys included,
        /// only in Production.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The response with <c>requirements_due</c>; members the beta reference does not describe are in <c>AdditionalProperties</c>.</returns>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox; nothing was sent.</exception>
        /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<BetaPartnerCustomerV1CreateResponse> CreateEndCustomerAsync(BetaPartnerCustomerV1CreateRequest request, CancellationToken cancellationToken = default) =>
            _pipeline.CreateInProductionAsync(_http, CreatePath, request, static (api, http, body, ct) => api.BetaPartnerCustomerV1CreateAsync(http, body, ct), cancellationToken);

        /// <summary>
        /// Beta: asks Plaid Sandbox for the sample response of <c>/beta/partner/customer/v1/create</c> on purpose: nothing
        /// is created and any keys it returns do not work.
        /// </summary>
        /// <param name="request">The end customer's details; the required fields are checked before sending.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The sample, marked as such.</returns>
        /// <exception cref="InvalidOperationException">The client is configured for Production, where the call would create a real, billable customer.</exception>
        /// <exception cref="PlaidApiException">Plaid refused the call or answered with an unreadable body.</exception>
        public virtual Task<PlaidSandboxSample<BetaPartnerCustomerV1CreateResponse>> CreateEndCustomerSandboxSampleAsync(BetaPartnerCustomerV1CreateRequest request, CancellationToken cancellationToken = default) =>
            _pipeline.CreateSandboxSampleAsync(_http, CreatePath, request, static (api, http, body, ct) => api.BetaPartnerCustomerV1CreateAsync(http, body, ct), cancellationToken);
    }
}
