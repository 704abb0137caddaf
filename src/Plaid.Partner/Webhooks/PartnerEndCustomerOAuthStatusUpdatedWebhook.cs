using Plaid.Partner.Webhooks;

// The generated model lives in Plaid.Partner (NSwag's namespace); this part only adds the common webhook interface.
namespace Plaid.Partner
{
    public partial class PartnerEndCustomerOAuthStatusUpdatedWebhook : IPlaidWebhook
    {
        /// <summary>The <c>webhook_type</c> of this webhook.</summary>
        public const string Type = "PARTNER";

        /// <summary>The <c>webhook_code</c> of this webhook.</summary>
        public const string Code = "END_CUSTOMER_OAUTH_STATUS_UPDATED";
    }
}
