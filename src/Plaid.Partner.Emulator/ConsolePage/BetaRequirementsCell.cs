using System.Linq;
using System.Text;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// The beta onboarding part of a customer's row (Plaid API docs, Partner › /beta/partner/customer/v1/get): the
    /// requirements still due and each product's status. The one place that renders it.
    /// </summary>
    internal static class BetaRequirementsCell
    {
        /// <summary>The cell's HTML for <paramref name="customer"/>, or null for a customer created through the GA create.</summary>
        public static string? Render(CustomerView customer)
        {
            var onboarding = customer.Onboarding;
            if (onboarding is null)
            {
                return null;
            }

            var html = new StringBuilder();
            if (onboarding.RequirementsDue.Count == 0)
            {
                html.Append("<p class=\"muted\">nothing due</p>");
            }
            else
            {
                html.Append("<p>due:</p><ul class=\"due\">");
                foreach (var requirement in onboarding.RequirementsDue)
                {
                    html.Append("<li><code>").Append(Html.Text(requirement)).Append("</code></li>");
                }

                html.Append("</ul>");
            }

            html.Append("<ul class=\"products\">");
            foreach (var product in onboarding.Products.OrderBy(p => p, System.StringComparer.Ordinal))
            {
                onboarding.ProductStatuses.TryGetValue(product, out var status);
                html.Append("<li>").Append(Html.Text(product)).Append(' ').Append(Html.Badge(status ?? "—")).Append("</li>");
            }

            html.Append("</ul>");
            return html.ToString();
        }
    }
}
