using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>An immutable copy of one end customer, taken under the store's lock.</summary>
    internal sealed record CustomerView(
        string ClientId,
        string CompanyName,
        string ApplicationName,
        string Status,
        string SandboxSecret,
        string ProductionSecret,
        bool Removed,
        IReadOnlyList<string> History,
        IReadOnlyList<InstitutionView> Institutions)
    {
        /// <summary>The beta onboarding (details, products, their statuses, requirements due); null for a GA-created customer.</summary>
        public BetaOnboardingView? Onboarding { get; init; }
    }

    /// <summary>An immutable copy of one institution's OAuth registration for a customer.</summary>
    internal sealed record InstitutionView(string InstitutionId, string Name, string Status, string? ProductionEnablementDate, string? ErrorMessage);

    /// <summary>An OAuth status that changed, and so fires END_CUSTOMER_OAUTH_STATUS_UPDATED.</summary>
    internal sealed record OAuthStatusChange(string EndCustomerClientId, string InstitutionId, string InstitutionName, string Status);

    /// <summary>
    /// An immutable copy of a customer's beta onboarding: its products with their statuses, the requirements due, and
    /// the details received so far (the console can show these as they are).
    /// </summary>
    internal sealed record BetaOnboardingView(
        IReadOnlyList<string> Products,
        IReadOnlyDictionary<string, string> ProductStatuses,
        IReadOnlyList<string> RequirementsDue,
        JObject Details);
}
