using System.Text;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>Webhook bodies as Plaid sends them (2-space indentation), per Plaid API docs, Partner › webhooks.</summary>
    internal static class Bodies
    {
        public const string OAuthStatusUpdatedText = """
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

        public static byte[] OAuthStatusUpdated => Encoding.UTF8.GetBytes(OAuthStatusUpdatedText);

        public static byte[] Unknown => Encoding.UTF8.GetBytes("{\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"WEBHOOK_UPDATE_ACKNOWLEDGED\"\n}");

        public static byte[] NotAWebhook => Encoding.UTF8.GetBytes("{\n  \"hello\": \"world\"\n}");
    }
}
