using System.Text;

namespace Plaid.Partner.TestSupport
{
    /// <summary>
    /// Plaid's example END_CUSTOMER_OAUTH_STATUS_UPDATED webhook (Plaid API docs, Partner), verbatim, with the 2-space
    /// indentation Plaid sends (the signature covers the exact bytes).
    /// </summary>
    public static class PlaidExampleWebhooks
    {
        public const string OAuthStatusUpdated = """
            {
              "webhook_type": "PARTNER",
              "webhook_code": "END_CUSTOMER_OAUTH_STATUS_UPDATED",
              "end_customer_client_id": "634758733ebb4f00134b85ea",
              "environment": "production",
              "institution_id": "ins_127989",
              "institution_name": "Bank of America",
              "status": "attention-required"
            }
            """;

        public static byte[] OAuthStatusUpdatedBytes() => Encoding.UTF8.GetBytes(OAuthStatusUpdated);
    }
}
