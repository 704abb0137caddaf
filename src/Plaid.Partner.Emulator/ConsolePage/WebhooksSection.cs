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
            ReceiverFaults(html, state);
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
                .Append("<th scope=\"col\">Receiver</th><th scope=\"col\">Signature</th><th scope=\"col\">Attempts</th><th scope=\"col\">Next</th>")
                .Append("<th scope=\"col\"><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>");
            var companies = state.Customers.ToDictionary(c => c.ClientId, c => c.CompanyName, StringComparer.Ordinal);
            foreach (var (delivery, signature) in state.LatestDeliveries)
            {
                var body = TryParse(delivery.Body);
                html.Append($"<tr data-delivery-id=\"{Html.Text(delivery.Id)}\"><td>").Append(Html.Time(delivery.SentAt)).Append("</td>")
                    .Append($"<td><code class=\"id\">{Html.Text(Member(body, "webhook_code") ?? "(unreadable body)")}</code></td>");
                Reports(html, body, companies);
                Receiver(html, delivery);
                html.Append($"<td class=\"{(signature.Verified ? "ok" : "bad")}\">{(signature.Verified ? "✔ " : "✘ ")}{Html.Text(signature.Summary)}")
                    .Append(string.IsNullOrEmpty(delivery.KeyId) ? string.Empty : $"<br><span class=\"muted small\">kid <code>{Html.Text(delivery.KeyId)}</code></span>")
                    .Append("</td>");
                Attempts(html, delivery);
                Next(html, delivery);
                html.Append("<td>")
                    .Append(ControlForm.Open("POST", PlaidPartnerEmulator.ControlPathPrefix + "/webhooks/resend", $"Re-send delivery {delivery.Id}", $"Delivery {delivery.Id} sent again."))
                    .Append($"<input type=\"hidden\" name=\"delivery_id\" value=\"{Html.Text(delivery.Id)}\"><button type=\"submit\" class=\"resend\">Re-send</button>")
                    .Append(ControlForm.Close)
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

        /// <summary>The buttons that make the next webhooks reach the receiver as Plaid's sometimes do: twice, or out of order.</summary>
        private static void ReceiverFaults(StringBuilder html, ConsoleState state)
        {
            var (twice, hold, held) = state.WebhookFaults;
            html.Append("<div class=\"keyline\" id=\"receiver-faults\"><p>")
                .Append(twice > 0 ? $"The next {twice.ToString(CultureInfo.InvariantCulture)} webhook(s) go out twice. " : string.Empty)
                .Append(hold ? "The next webhook will be held back. " : string.Empty)
                .Append(held is null ? string.Empty : $"Delivery <code>{Html.Text(held)}</code> is held until the next one is sent. ")
                .Append(twice == 0 && !hold && held is null ? "Webhooks go out once each, in order." : string.Empty)
                .Append("</p>")
                .Append(ControlForm.Open("POST", PlaidPartnerEmulator.ControlPathPrefix + "/webhooks/send_twice", "Send the next webhook twice", "The next webhook will be sent twice."))
                .Append("<input type=\"hidden\" name=\"count\" value=\"1\"><button type=\"submit\" class=\"send-twice\">Send next twice</button>")
                .Append(ControlForm.Close)
                .Append(ControlForm.Open(
                    "POST",
                    PlaidPartnerEmulator.ControlPathPrefix + "/webhooks/hold_next",
                    "Hold the next webhook back",
                    "The next webhook will be held back and sent after the one that follows it."))
                .Append("<button type=\"submit\" class=\"hold-next\">Hold next back</button>")
                .Append(ControlForm.Close)
                .Append("</div>");
        }

        /// <summary>Each attempt: when, the answer, and how long it took.</summary>
        private static void Attempts(StringBuilder html, EmulatorWebhookDelivery delivery)
        {
            html.Append("<td class=\"attempts\">");
            if (delivery.Attempts.Count == 0)
            {
                html.Append("<span class=\"muted\">none yet</span>");
            }
            else
            {
                html.Append("<ol class=\"attempt-list\">");
                foreach (var attempt in delivery.Attempts)
                {
                    html.Append($"<li class=\"{(attempt.Succeeded ? "ok" : "bad")}\">").Append(Html.Time(attempt.At)).Append(" · ")
                        .Append(attempt.StatusCode is { } code ? $"HTTP {code.ToString(CultureInfo.InvariantCulture)}" : Html.Text(attempt.Error))
                        .Append($" · {attempt.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms")
                        .Append(attempt.RetryAfter is { } wait ? $" · Retry-After {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s" : string.Empty)
                        .Append("</li>");
                }

                html.Append("</ol>");
            }

            html.Append("</td>");
        }

        /// <summary>The next retry, or why there is none.</summary>
        private static void Next(StringBuilder html, EmulatorWebhookDelivery delivery)
        {
            html.Append("<td class=\"next\">");
            switch (delivery.State)
            {
                case EmulatorWebhookDeliveryState.Pending when delivery.NextAttemptAt is { } at:
                    html.Append("retry at ").Append(Html.Time(at));
                    break;
                case EmulatorWebhookDeliveryState.Pending:
                    html.Append("queued");
                    break;
                case EmulatorWebhookDeliveryState.Held:
                    html.Append("held back: goes out after the next webhook");
                    break;
                case EmulatorWebhookDeliveryState.Delivered:
                    html.Append("<span class=\"ok\">delivered</span>");
                    break;
                default:
                    html.Append("<span class=\"bad\">given up</span>: ").Append(Html.Text(delivery.GivenUpReason));
                    break;
            }

            if (delivery.CopyOf is { } original)
            {
                html.Append($"<br><span class=\"muted small\">copy of <code>{Html.Text(original)}</code></span>");
            }

            html.Append("</td>");
        }

        private static void Receiver(StringBuilder html, EmulatorWebhookDelivery delivery)
        {
            html.Append($"<td class=\"{(delivery.Delivered ? "ok" : "bad")}\">");
            if (delivery.StatusCode is { } status)
            {
                html.Append("HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
            }
            else if (delivery.Attempts.Count == 0)
            {
                html.Append("not sent yet");
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
