using System.Text;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>Plaid's example webhook bodies (Plaid API docs, Partner), verbatim, with Plaid's 2-space indentation.</summary>
    internal static class SeedWebhooks
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
