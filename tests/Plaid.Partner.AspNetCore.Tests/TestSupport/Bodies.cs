using System.Text;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>Webhook bodies as Plaid sends them (2-space indentation), per Plaid API docs, Partner › webhooks.</summary>
    internal static class Bodies
    {
        public static byte[] OAuthStatusUpdated => PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

        public static byte[] Unknown => Encoding.UTF8.GetBytes("{\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"WEBHOOK_UPDATE_ACKNOWLEDGED\"\n}");

        public static byte[] NotAWebhook => Encoding.UTF8.GetBytes("{\n  \"hello\": \"world\"\n}");
    }
}
