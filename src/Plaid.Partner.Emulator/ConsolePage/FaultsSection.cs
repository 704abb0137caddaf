using System.Globalization;
using System.Text;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>The faults in effect, and DELETE /__emulator/faults to clear them.</summary>
    internal static class FaultsSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            html.Append("<section id=\"faults\" data-live aria-labelledby=\"faults-title\"><h2 id=\"faults-title\">Active faults</h2>");
            if (state.Faults.Count == 0)
            {
                html.Append("<p class=\"empty\">None: every Plaid call is answered normally.</p></section>");
                return;
            }

            html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Path</th><th scope=\"col\">Fault</th><th scope=\"col\">Catches</th></tr></thead><tbody>");
            foreach (var fault in state.Faults)
            {
                var catches = fault.Remaining is { } n ? $"the next {n.ToString(CultureInfo.InvariantCulture)} request(s)" : "every request until cleared";
                html.Append($"<tr><td><code>{Html.Text(fault.Path == Faults.FaultInjector.AnyPath ? "* (every Plaid path)" : fault.Path)}</code></td>")
                    .Append($"<td>{Html.Text(fault.Fault.ToString())}</td><td>{Html.Text(catches)}</td></tr>");
            }

            html.Append("</tbody></table></div>")
                .Append(ControlForm.Open("DELETE", PlaidPartnerEmulator.ControlPathPrefix + "/faults", "Clear every fault", "Faults cleared."))
                .Append("<button type=\"submit\" class=\"deny\">Clear faults</button>")
                .Append(ControlForm.Close)
                .Append("</section>");
        }
    }
}
