using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// Webhook deliveries, newest first: when, what (code and the OAuth change it reports), the receiver's answer, and
    /// whether the signature verifies against the emulator's key; plus the signing key and its rotation.
    /// </summary>
    internal static class WebhooksSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            html.Append("<section id=\"webhooks\" data-live aria-labelledby=\"webhooks-title\"><h2 id=\"webhooks-title\">Webhook deliveries</h2>")
                .Append("<div class=\"keyline\"><p>Signing key <code>").Append(Html.Text(state.KeyId)).Append("</code></p>")
                .Append(ControlForm.Open(
                    "POST",
                    PlaidPartnerEmulator.ControlPathPrefix + "/webhook_key/rotate",
                    "Rotate the webhook signing key",
                    "Signing key rotated: the old key now has expired_at."))
                .Append("<button type=\"submit\">Rotate signing key</button>")
                .Append(ControlForm.Close).Append("</div>");
            if (state.DeliveryCount == 0)
            {
                html.Append(state.WebhookUrl is null
                    ? "<p class=\"empty\">None: no webhook URL is set, so none are sent.</p></section>"
                    : "<p class=\"empty\">None sent yet: they go out when an institution's OAuth status changes.</p></section>");
                return;
            }

            if (state.DeliveryCount > state.LatestDeliveries.Count)
            {
                html.Append($"<p>The latest {state.LatestDeliveries.Count.ToString(CultureInfo.InvariantCulture)} of ")
                    .Append($"{state.DeliveryCount.ToString(CultureInfo.InvariantCulture)}; ")
                    .Append($"<a href=\"{PlaidPartnerEmulator.ControlPathPrefix}/webhooks\">all as JSON</a>.</p>");
            }

            html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">Code</th><th scope=\"col\">Reports</th>")
                .Append("<th scope=\"col\">Receiver</th><th scope=\"col\">Signature</th></tr></thead><tbody>");
            var companies = state.Customers.ToDictionary(c => c.ClientId, c => c.CompanyName, StringComparer.Ordinal);
            foreach (var (delivery, signature) in state.LatestDeliveries)
            {
                var body = TryParse(delivery.Body);
                html.Append("<tr><td>").Append(Html.Time(delivery.SentAt)).Append("</td>")
                    .Append($"<td><code class=\"id\">{Html.Text(Member(body, "webhook_code") ?? "(unreadable body)")}</code></td>");
                Reports(html, body, companies);
                Receiver(html, delivery);
                html.Append($"<td class=\"{(signature.Verified ? "ok" : "bad")}\">{(signature.Verified ? "✔ " : "✘ ")}{Html.Text(signature.Summary)}")
                    .Append(string.IsNullOrEmpty(delivery.KeyId) ? string.Empty : $"<br><span class=\"muted small\">kid <code>{Html.Text(delivery.KeyId)}</code></span>")
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table></div></section>");
        }

        /// <summary>The OAuth change the body reports: institution, status, and the customer by name when the emulator holds it.</summary>
        private static void Reports(StringBuilder html, JObject? body, Dictionary<string, string> companies)
        {
            var id = Member(body, "end_customer_client_id") ?? string.Empty;
            html.Append($"<td>{Html.Text(Member(body, "institution_name"))} {Html.Badge(Member(body, "status") ?? "?")}<br><span class=\"muted\">for</span> ")
                .Append(companies.TryGetValue(id, out var company) ? $"{Html.Text(company)} " : string.Empty)
                .Append($"<code class=\"id\">{Html.Text(id)}</code></td>");
        }

        private static void Receiver(StringBuilder html, EmulatorWebhookDelivery delivery)
        {
            html.Append($"<td class=\"{(delivery.Delivered ? "ok" : "bad")}\">");
            if (delivery.StatusCode is { } status)
            {
                html.Append("HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                html.Append("not reached: ").Append(Html.Text(delivery.Error));
            }

            html.Append($"<br><span class=\"muted\">{Html.Text(delivery.Url.AbsoluteUri)}</span></td>");
        }

        private static JObject? TryParse(string body)
        {
            try
            {
                return JObject.Parse(body);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Member(JObject? body, string name) => body?[name]?.Type == JTokenType.String ? (string?)body[name] : null;
    }
}
