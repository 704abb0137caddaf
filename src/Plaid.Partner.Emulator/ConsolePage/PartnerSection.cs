using System.Text;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>The reseller team's settings as checkboxes, saved whole through PUT /__emulator/partner.</summary>
    internal static class PartnerSection
    {
        public static void Render(StringBuilder html, ConsoleState state)
        {
            var partner = state.Partner;
            html.Append("<section id=\"partner\" data-live aria-labelledby=\"partner-title\"><h2 id=\"partner-title\">Partner settings</h2>")
                .Append("<p>What Plaid checks on create and enable (Plaid API docs, Errors › Partner errors): switch one off to reach its error.</p>")
                .Append(ControlForm.Open("PUT", PlaidPartnerEmulator.ControlPathPrefix + "/partner", "Reseller team settings", "Partner settings saved."))
                .Append("<ul class=\"settings\">");
            Setting(html, "flowdown_complete", "Flowdown complete", "off: FLOWDOWN_NOT_COMPLETE", partner.FlowdownComplete);
            Setting(html, "questionnaire_complete", "Security questionnaire complete", "off: QUESTIONNAIRE_NOT_COMPLETE", partner.QuestionnaireComplete);
            Setting(html, "contacts_on_file", "Billing and technical contacts on file", "off: CONTACT_REQUIRED without contacts in the request", partner.ContactsOnFile);
            Setting(html, "monthly_service_commitment", "Monthly service commitment", "on: ASSETS_UNDER_MANAGEMENT_REQUIRED without assets_under_management", partner.MonthlyServiceCommitment);
            Setting(html, "co_branded_consent_in_use", "Co-branded consent pane in use", "on: LOGO_REQUIRED for link customization without a logo", partner.CoBrandedConsentInUse);
            html.Append("</ul><button type=\"submit\">Save settings</button>")
                .Append(ControlForm.Close)
                .Append("</section>");
        }

        private static void Setting(StringBuilder html, string name, string label, string effect, bool value)
        {
            var id = "partner-" + name.Replace('_', '-');
            html.Append($"<li><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" aria-describedby=\"{id}-effect\"{(value ? " checked" : string.Empty)}>")
                .Append($"<label for=\"{id}\">{Html.Text(label)}</label> <span class=\"muted\" id=\"{id}-effect\">({Html.Text(effect)})</span></li>");
        }
    }
}
