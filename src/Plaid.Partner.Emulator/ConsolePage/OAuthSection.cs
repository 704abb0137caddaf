using System.Linq;
using System.Text;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// Each live customer's OAuth registration per institution, and a form that changes one through
    /// POST /__emulator/oauth_status (which sends END_CUSTOMER_OAUTH_STATUS_UPDATED).
    /// </summary>
    internal static class OAuthSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            html.Append("<section id=\"oauth\" data-live aria-labelledby=\"oauth-title\"><h2 id=\"oauth-title\">OAuth institutions</h2>");
            var live = state.Customers.Where(c => !c.Removed).ToList();
            if (live.Count == 0 && state.IsProduction)
            {
                html.Append("<p class=\"empty\">No end customer to register with banks yet.</p>");
            }
            else if (live.Count > 0)
            {
                html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Customer</th>");
                foreach (var (id, name) in OAuthInstitutionCatalog.Institutions)
                {
                    html.Append($"<th scope=\"col\">{Html.Text(name)} <code class=\"id\">{Html.Text(id)}</code></th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var customer in live)
                {
                    html.Append($"<tr data-client-id=\"{Html.Text(customer.ClientId)}\"><th scope=\"row\">{Html.Text(customer.CompanyName)}</th>");
                    foreach (var (id, _) in OAuthInstitutionCatalog.Institutions)
                    {
                        Registration(html, id, customer.Institutions.FirstOrDefault(i => i.InstitutionId == id));
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table></div>");
            }

            Form(html, state, live);
            html.Append("</section>");
        }

        /// <summary>One institution's registration: its status, and its enablement date or error when it has one.</summary>
        private static void Registration(StringBuilder html, string institutionId, InstitutionView? institution)
        {
            html.Append($"<td data-institution-id=\"{Html.Text(institutionId)}\">");
            if (institution is null)
            {
                html.Append("—</td>");
                return;
            }

            html.Append(Html.Badge(institution.Status));
            if (institution.ProductionEnablementDate is { } date)
            {
                html.Append($"<br><span class=\"muted\">production since {Html.Text(date)}</span>");
            }

            if (institution.ErrorMessage is { } error)
            {
                html.Append($"<br><span class=\"bad\">{Html.Text(error)}</span>");
            }

            html.Append("</td>");
        }

        private static void Form(StringBuilder html, ConsoleState state, System.Collections.Generic.List<CustomerView> live)
        {
            if (state.IsProduction && live.Count == 0)
            {
                return;
            }

            html.Append(ControlForm.Open(
                    "POST",
                    PlaidPartnerEmulator.ControlPathPrefix + "/oauth_status",
                    "Set an OAuth status",
                    "OAuth status set; the webhook, if any, is listed below.",
                    showLegend: true))
                .Append("<div class=\"fields\"><label>End customer ");
            if (state.IsProduction)
            {
                html.Append("<select name=\"end_customer_client_id\" required>");
                foreach (var customer in live)
                {
                    html.Append($"<option value=\"{Html.Text(customer.ClientId)}\">{Html.Text(customer.CompanyName)} ({Html.Text(customer.ClientId)})</option>");
                }

                html.Append("</select>");
            }
            else
            {
                // Sandbox keeps no customers, so the control accepts any id (the webhook is sent for it).
                html.Append("<input name=\"end_customer_client_id\" required autocomplete=\"off\" spellcheck=\"false\">");
            }

            html.Append("</label><label>Institution <select name=\"institution_id\">");
            foreach (var (id, name) in OAuthInstitutionCatalog.Institutions)
            {
                html.Append($"<option value=\"{Html.Text(id)}\">{Html.Text(name)} ({Html.Text(id)})</option>");
            }

            html.Append("</select></label><label>Status <select name=\"status\">");
            foreach (var status in OAuthStatus.All)
            {
                html.Append($"<option{(status == OAuthStatus.Approved ? " selected" : string.Empty)}>{Html.Text(status)}</option>");
            }

            html.Append("</select></label>")
                .Append("<label>Error message (ATTENTION_REQUIRED) <input name=\"error_message\" autocomplete=\"off\" ")
                .Append($"placeholder=\"{Html.Text(OAuthInstitutionCatalog.DefaultAttentionMessage)}\"></label>")
                .Append("<button type=\"submit\">Set status</button></div>")
                .Append(ControlForm.Close);
        }
    }
}
