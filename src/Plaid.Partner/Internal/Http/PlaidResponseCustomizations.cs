using Plaid.Partner.Internal;

// Customizations of generated response models (never edit generated/ by hand): each exposes its request_id to the
// client's logging through IPlaidResponse. PlaidOperation requires it (PlaidCallPipeline logs it), so a new response without its
// partial here does not compile.
namespace Plaid.Partner
{
    public partial class PartnerCustomerCreateResponse : IPlaidResponse
    {
    }

    public partial class PartnerCustomerGetResponse : IPlaidResponse
    {
    }

    public partial class PartnerCustomerOAuthInstitutionsGetResponse : IPlaidResponse
    {
    }

    public partial class PartnerCustomerEnableResponse : IPlaidResponse
    {
    }

    public partial class PartnerCustomerRemoveResponse : IPlaidResponse
    {
    }

    public partial class WebhookVerificationKeyGetResponse : IPlaidResponse
    {
    }

    public partial class BetaPartnerCustomerV1CreateResponse : IPlaidResponse
    {
    }

    public partial class BetaPartnerCustomerV1GetResponse : IPlaidResponse
    {
    }

    public partial class BetaPartnerCustomerV1UpdateResponse : IPlaidResponse
    {
    }

    public partial class BetaPartnerCustomerV1EnableResponse : IPlaidResponse
    {
    }
}
