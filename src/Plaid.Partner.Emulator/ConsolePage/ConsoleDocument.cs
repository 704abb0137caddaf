using System.Globalization;
using System.Text;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// The whole console page: the head (token, refresh, inline style), the header with the emulator's facts, the
    /// sections, and the inline script. It refreshes itself every <see cref="RefreshSeconds"/> s: with JavaScript the
    /// script swaps in each section the user is not editing; without, a <c>noscript</c> meta refresh reloads the page.
    /// </summary>
    internal static class ConsoleDocument
    {
        public const int RefreshSeconds = 5;

        public static string Render(ConsoleState state, string nonce)
        {
            var html = new StringBuilder(16 * 1024);
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append($"<meta name=\"emulator-console-token\" content=\"{Html.Text(state.Token)}\">")
                .Append($"<noscript><meta http-equiv=\"refresh\" content=\"{RefreshSeconds.ToString(CultureInfo.InvariantCulture)}\"></noscript>")
                .Append($"<title>Plaid Partner emulator console ({Html.Text(state.Environment)})</title>")
                .Append($"<style nonce=\"{nonce}\">").Append(ConsoleStyles.Css).Append("</style></head><body>");
            Header(html, state);
            html.Append("<main>");
            CustomersSection.Render(html, state);
            OAuthSection.Render(html, state);
            ClockSection.Render(html, state);
            WebhooksSection.Render(html, state);
            FaultsSection.Render(html, state);
            PartnerSection.Render(html, state);
            html.Append("</main>")
                .Append($"<script nonce=\"{nonce}\">")
                .Append(ConsoleScript.Js.Replace("REFRESH_MS", (RefreshSeconds * 1000).ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal))
                .Append("</script></body></html>");
            return html.ToString();
        }

        private static void Header(StringBuilder html, ConsoleState state)
        {
            var controls = PlaidPartnerEmulator.ControlPathPrefix;
            html.Append("<header><div class=\"title\"><h1>Plaid Partner emulator <span>console</span></h1>")
                .Append($"<p class=\"refresh\">Refreshes every {RefreshSeconds.ToString(CultureInfo.InvariantCulture)} s · ")
                .Append($"updated <span id=\"updated\">{Html.Time(state.Now)}</span> · <a href=\"{controls}\">control endpoints (JSON)</a></p></div>")
                .Append("<dl id=\"facts\" data-live class=\"facts\">")
                .Append($"<div><dt>Behaves as</dt><dd>{Html.Text(state.Environment)}</dd></div>")
                .Append($"<div><dt>Base address</dt><dd><code>{Html.Text(state.BaseUrl)}/</code></dd></div>")
                .Append($"<div><dt>PLAID-CLIENT-ID</dt><dd><code>{Html.Text(state.ClientId)}</code></dd></div>")
                .Append($"<div><dt>Webhook URL</dt><dd>{(state.WebhookUrl is null ? "none" : $"<code>{Html.Text(state.WebhookUrl.AbsoluteUri)}</code>")}</dd></div>")
                .Append("</dl>")
                .Append("<noscript><p class=\"note\">JavaScript is off: the page still shows everything and reloads itself, but its buttons stay disabled. ")
                .Append("They send JSON with this page's token, which a plain form cannot; use the control endpoints instead, e.g. ")
                .Append($"<code>curl -X POST {Html.Text(state.BaseUrl)}{controls}/customers/status -H 'Content-Type: application/json' ")
                .Append("-d '{\"end_customer_client_id\":\"…\",\"status\":\"PENDING_ENABLEMENT\"}'</code></p></noscript>")
                .Append("<p id=\"result\" role=\"status\" aria-live=\"polite\"></p></header>");
        }
    }
}
