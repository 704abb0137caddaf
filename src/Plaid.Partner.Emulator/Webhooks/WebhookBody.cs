using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// The END_CUSTOMER_OAUTH_STATUS_UPDATED body (Plaid API docs, Partner › END_CUSTOMER_OAUTH_STATUS_UPDATED), members in Plaid's order, indented with 2 spaces and
    /// "\n" line ends on every OS: the signature covers these exact bytes.
    /// </summary>
    internal static class WebhookBody
    {
        public static byte[] OAuthStatusUpdated(OAuthStatusChange change, string environment)
        {
            var body = new JObject
            {
                ["webhook_type"] = "PARTNER",
                ["webhook_code"] = "END_CUSTOMER_OAUTH_STATUS_UPDATED",
                ["end_customer_client_id"] = change.EndCustomerClientId,
                ["environment"] = environment,
                ["institution_id"] = change.InstitutionId,
                ["institution_name"] = change.InstitutionName,
                ["status"] = OAuthStatus.ToWebhookValue(change.Status),
            };

            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ' })
            {
                body.WriteTo(writer);
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
