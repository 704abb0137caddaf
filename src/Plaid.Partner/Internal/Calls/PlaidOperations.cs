namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Every Plaid operation the public clients call, one line each: path, kind (<see cref="PlaidCallKind"/>) and the
    /// generated call. A new operation is a line here and a one-line public method.
    /// </summary>
    internal static class PlaidOperations
    {
        public const string CreatePath = "/partner/customer/create";
        public const string GetPath = "/partner/customer/get";
        public const string OAuthInstitutionsGetPath = "/partner/customer/oauth_institutions/get";
        public const string EnablePath = "/partner/customer/enable";
        public const string RemovePath = "/partner/customer/remove";
        public const string WebhookVerificationKeyGetPath = "/webhook_verification_key/get";
        public const string BetaCreatePath = "/beta/partner/customer/v1/create";
        public const string BetaGetPath = "/beta/partner/customer/v1/get";
        public const string BetaUpdatePath = "/beta/partner/customer/v1/update";
        public const string BetaEnablePath = "/beta/partner/customer/v1/enable";

        public static readonly PlaidOperation<PartnerCustomerCreateRequest, PartnerCustomerCreateResponse> Create =
            new(CreatePath, PlaidCallKind.CreateInProduction, static (api, http, body, ct) => api.PartnerCustomerCreateAsync(http, body, ct));

        public static readonly PlaidOperation<PartnerCustomerCreateRequest, PartnerCustomerCreateResponse> CreateSandboxSample =
            new(CreatePath, PlaidCallKind.SandboxSample, Create.Send);

        public static readonly PlaidOperation<PartnerCustomerGetRequest, PartnerCustomerGetResponse> Get =
            new(GetPath, PlaidCallKind.Read, static (api, http, body, ct) => api.PartnerCustomerGetAsync(http, body, ct));

        public static readonly PlaidOperation<PartnerCustomerOAuthInstitutionsGetRequest, PartnerCustomerOAuthInstitutionsGetResponse> OAuthInstitutionsGet =
            new(OAuthInstitutionsGetPath, PlaidCallKind.Read, static (api, http, body, ct) => api.PartnerCustomerOauthInstitutionsGetAsync(http, body, ct));

        public static readonly PlaidOperation<PartnerCustomerEnableRequest, PartnerCustomerEnableResponse> Enable =
            new(EnablePath, PlaidCallKind.Write, static (api, http, body, ct) => api.PartnerCustomerEnableAsync(http, body, ct));

        public static readonly PlaidOperation<PartnerCustomerRemoveRequest, PartnerCustomerRemoveResponse> Remove =
            new(RemovePath, PlaidCallKind.Write, static (api, http, body, ct) => api.PartnerCustomerRemoveAsync(http, body, ct));

        public static readonly PlaidOperation<WebhookVerificationKeyGetRequest, WebhookVerificationKeyGetResponse> WebhookVerificationKeyGet =
            new(WebhookVerificationKeyGetPath, PlaidCallKind.Read, static (api, http, body, ct) => api.WebhookVerificationKeyGetAsync(http, body, ct));

        /// <summary>The webhook verifier's key fetch: the same call, sent once (<see cref="PlaidCallKind.ReadOnce"/>).</summary>
        public static readonly PlaidOperation<WebhookVerificationKeyGetRequest, WebhookVerificationKeyGetResponse> WebhookVerificationKeyGetOnce =
            new(WebhookVerificationKeyGetPath, PlaidCallKind.ReadOnce, static (api, http, body, ct) => api.WebhookVerificationKeyGetAsync(http, body, ct));

        public static readonly PlaidOperation<BetaPartnerCustomerV1CreateRequest, BetaPartnerCustomerV1CreateResponse> BetaCreate =
            new(BetaCreatePath, PlaidCallKind.CreateInProduction, static (api, http, body, ct) => api.BetaPartnerCustomerV1CreateAsync(http, body, ct));

        public static readonly PlaidOperation<BetaPartnerCustomerV1CreateRequest, BetaPartnerCustomerV1CreateResponse> BetaCreateSandboxSample =
            new(BetaCreatePath, PlaidCallKind.SandboxSample, BetaCreate.Send);

        public static readonly PlaidOperation<BetaPartnerCustomerV1GetRequest, BetaPartnerCustomerV1GetResponse> BetaGet =
            new(BetaGetPath, PlaidCallKind.Read, static (api, http, body, ct) => api.BetaPartnerCustomerV1GetAsync(http, body, ct));

        public static readonly PlaidOperation<BetaPartnerCustomerV1UpdateRequest, BetaPartnerCustomerV1UpdateResponse> BetaUpdate =
            new(BetaUpdatePath, PlaidCallKind.ChangeInProduction, static (api, http, body, ct) => api.BetaPartnerCustomerV1UpdateAsync(http, body, ct), static r => r.EndCustomerClientId);

        public static readonly PlaidOperation<BetaPartnerCustomerV1EnableRequest, BetaPartnerCustomerV1EnableResponse> BetaEnable =
            new(BetaEnablePath, PlaidCallKind.ChangeInProduction, static (api, http, body, ct) => api.BetaPartnerCustomerV1EnableAsync(http, body, ct), static r => r.EndCustomerClientId);
    }
}
