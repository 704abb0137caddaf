using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// The beta onboarding part of a customer's row (Plaid API docs, Partner › /beta/partner/customer/v1/create:
    /// <c>requirements_due</c>). The one place that renders it, so richer beta state (requirements still due, per-product
    /// statuses) is added here and nowhere else.
    /// </summary>
    internal static class BetaRequirementsCell
    {
        /// <summary>
        /// The cell's HTML for <paramref name="customer"/>, or null when it holds no beta state. Today a customer record
        /// keeps none (beta create answers <c>requirements_due</c> but stores only what GA create stores), so this is
        /// always null and the column is left out.
        /// </summary>
        public static string? Render(CustomerView customer)
        {
            _ = customer;
            return null;
        }
    }
}
