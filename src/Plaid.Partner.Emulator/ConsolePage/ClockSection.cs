using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// The emulator's clock with a form that advances it (POST /__emulator/clock/advance), and the OAuth registration
    /// schedules: those set, and the steps waiting on the clock.
    /// </summary>
    internal static class ClockSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            html.Append("<section id=\"clock\" data-live aria-labelledby=\"clock-title\"><h2 id=\"clock-title\">Clock and OAuth schedules</h2>")
                .Append("<div class=\"keyline\"><p>Emulator time <strong id=\"clock-now\">").Append(Html.Time(state.Now)).Append("</strong>")
                .Append(" <span class=\"muted\" id=\"clock-advanced\">(advanced by ").Append(Html.Text(Describe(state.ClockAdvanced))).Append(")</span></p>")
                .Append(ControlForm.Open("POST", PlaidPartnerEmulator.ControlPathPrefix + "/clock/advance", "Advance the emulator's clock", "Clock advanced: what was due has fired."))
                .Append("<label>Hours <input name=\"hours\" type=\"number\" min=\"0\" step=\"any\" value=\"1\" required></label>")
                .Append("<button type=\"submit\">Advance clock</button>")
                .Append(ControlForm.Close).Append("</div>");

            var schedules = state.Schedules;
            if (schedules.Schedules.Count == 0)
            {
                html.Append("<p class=\"empty\">No OAuth schedule set: after enable, every registration stays PROCESSING until a control changes it.</p>");
            }
            else
            {
                html.Append("<div class=\"scroll\"><table id=\"schedules\"><thead><tr><th scope=\"col\">Institution</th><th scope=\"col\">For</th>")
                    .Append("<th scope=\"col\">After enable</th></tr></thead><tbody>");
                foreach (var schedule in schedules.Schedules)
                {
                    var steps = schedule.Steps is { Count: > 0 }
                        ? string.Join(", then ", schedule.Steps.Select(s => $"+{(s.AfterHours ?? 0).ToString("0.##", CultureInfo.InvariantCulture)} h {s.Status}"))
                        : "stays PROCESSING";
                    html.Append($"<tr><td><code class=\"id\">{Html.Text(schedule.InstitutionId)}</code></td>")
                        .Append($"<td>{(schedule.EndCustomerClientId is null ? "every customer enabled from then on" : $"<code class=\"id\">{Html.Text(schedule.EndCustomerClientId)}</code>")}</td>")
                        .Append($"<td>{Html.Text(steps)}</td></tr>");
                }

                html.Append("</tbody></table></div>");
            }

            if (schedules.Pending.Count > 0)
            {
                html.Append("<h3>Waiting on the clock</h3><div class=\"scroll\"><table id=\"pending-steps\"><thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Customer</th>")
                    .Append("<th scope=\"col\">Institution</th><th scope=\"col\">Becomes</th></tr></thead><tbody>");
                foreach (var step in schedules.Pending)
                {
                    html.Append($"<tr><td>{Html.Time(step.DueAt)}</td><td><code class=\"id\">{Html.Text(step.EndCustomerClientId)}</code></td>")
                        .Append($"<td><code class=\"id\">{Html.Text(step.InstitutionId)}</code></td><td>{Html.Badge(step.Status)}</td></tr>");
                }

                html.Append("</tbody></table></div>");
            }

            html.Append("</section>");
        }

        private static string Describe(TimeSpan advanced) =>
            advanced == TimeSpan.Zero ? "nothing" : $"{advanced.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h";
    }
}
