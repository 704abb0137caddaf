using System.Collections.Generic;

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
        IReadOnlyList<InstitutionView> Institutions);

    /// <summary>An immutable copy of one institution's OAuth registration for a customer.</summary>
    internal sealed record InstitutionView(string InstitutionId, string Name, string Status, string? ProductionEnablementDate, string? ErrorMessage);

    /// <summary>An OAuth status that changed, and so fires END_CUSTOMER_OAUTH_STATUS_UPDATED.</summary>
    internal sealed record OAuthStatusChange(string EndCustomerClientId, string InstitutionId, string InstitutionName, string Status);
}
