using System.Linq;
using System.Text;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>End customers: status, status history, and Plaid's review (approve or deny) for those under review.</summary>
    internal static class CustomersSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            html.Append("<section id=\"customers\" data-live aria-labelledby=\"customers-title\"><h2 id=\"customers-title\">End customers</h2>");
            if (!state.IsProduction)
            {
                html.Append("<p class=\"empty\">Sandbox keeps no end customers: <code>/partner/customer/create</code> answers with a sample ")
                    .Append("and stores nothing (Plaid API docs, Partner › /partner/customer/create).</p></section>");
                return;
            }

            if (state.Customers.Count == 0)
            {
                html.Append("<p class=\"empty\">None yet: create one with <code>/partner/customer/create</code>.</p></section>");
                return;
            }

            var beta = state.Customers.Select(BetaRequirementsCell.Render).ToList();
            var showBeta = beta.Any(cell => cell is not null);
            html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Company</th><th scope=\"col\">Application</th><th scope=\"col\">Client ID</th>")
                .Append("<th scope=\"col\">Status</th><th scope=\"col\">Status history</th>")
                .Append(showBeta ? "<th scope=\"col\">Beta requirements</th>" : string.Empty)
                .Append("<th scope=\"col\">Plaid's review</th></tr></thead><tbody>");
            for (var i = 0; i < state.Customers.Count; i++)
            {
                var customer = state.Customers[i];
                html.Append($"<tr data-client-id=\"{Html.Text(customer.ClientId)}\"{(customer.Removed ? " class=\"removed\"" : string.Empty)}>")
                    .Append($"<th scope=\"row\">{Html.Text(customer.CompanyName)}</th><td>{Html.Text(customer.ApplicationName)}</td>")
                    .Append($"<td><code class=\"id\">{Html.Text(customer.ClientId)}</code></td>")
                    .Append($"<td class=\"status\">{Html.Badge(customer.Removed ? CustomerStatus.Removed : customer.Status)}</td><td>");
                History(html, customer);
                html.Append("</td>");
                if (showBeta)
                {
                    html.Append("<td>").Append(beta[i] ?? "—").Append("</td>");
                }

                html.Append("<td>");
                Review(html, customer);
                html.Append("</td></tr>");
            }

            html.Append("</tbody></table></div></section>");
        }

        private static void History(StringBuilder html, CustomerView customer)
        {
            html.Append("<ol class=\"history\">");
            foreach (var status in customer.History)
            {
                html.Append("<li>").Append(Html.Text(status)).Append("</li>");
            }

            html.Append("</ol>");
        }

        /// <summary>Approve (PENDING_ENABLEMENT) or deny, through POST /__emulator/customers/status; only UNDER_REVIEW can move.</summary>
        private static void Review(StringBuilder html, CustomerView customer)
        {
            if (customer.Removed || customer.Status != CustomerStatus.UnderReview)
            {
                html.Append("<span class=\"muted\">done</span>");
                return;
            }

            var name = customer.CompanyName;
            html.Append(ControlForm.Open("POST", PlaidPartnerEmulator.ControlPathPrefix + "/customers/status", $"Plaid's review of {name}", $"{name} reviewed."))
                .Append($"<input type=\"hidden\" name=\"end_customer_client_id\" value=\"{Html.Text(customer.ClientId)}\">")
                .Append($"<button type=\"submit\" name=\"status\" value=\"{CustomerStatus.PendingEnablement}\" class=\"approve\" ")
                .Append($"data-done=\"{Html.Text($"{name} approved: PENDING_ENABLEMENT.")}\">Approve</button> ")
                .Append($"<button type=\"submit\" name=\"status\" value=\"{CustomerStatus.Denied}\" class=\"deny\" data-done=\"{Html.Text($"{name} denied.")}\">Deny</button>")
                .Append(ControlForm.Close);
        }
    }
}
