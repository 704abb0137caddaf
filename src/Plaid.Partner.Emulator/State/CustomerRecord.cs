using System.Collections.Generic;
using System.Linq;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>One end customer's mutable state; only <see cref="CustomerStore"/> touches it, under its lock.</summary>
    internal sealed class CustomerRecord
    {
        public CustomerRecord(string clientId, string companyName, string applicationName, string sandboxSecret, string productionSecret, string firstStatus = CustomerStatus.UnderReview)
        {
            History = new List<string> { firstStatus };
            ClientId = clientId;
            CompanyName = companyName;
            ApplicationName = applicationName;
            SandboxSecret = sandboxSecret;
            ProductionSecret = productionSecret;
            Institutions = OAuthInstitutionCatalog.Institutions
                .Select(i => new InstitutionRecord(i.Id, i.Name))
                .ToList();
        }

        public string ClientId { get; }

        public string CompanyName { get; }

        public string ApplicationName { get; }

        public string SandboxSecret { get; }

        public string ProductionSecret { get; }

        public string Status => History[History.Count - 1];

        public bool Removed => Status == CustomerStatus.Removed;

        public List<string> History { get; }

        public List<InstitutionRecord> Institutions { get; }

        /// <summary>The beta onboarding of a customer created through the beta create; null for one created through GA create.</summary>
        public BetaOnboarding? Onboarding { get; init; }

        public CustomerView ToView() => new(
            ClientId,
            CompanyName,
            ApplicationName,
            Removed ? History[History.Count - 2] : Status,
            SandboxSecret,
            ProductionSecret,
            Removed,
            History.ToArray(),
            Institutions.Select(i => i.ToView()).ToArray())
        {
            Onboarding = Onboarding?.ToView(),
        };
    }

    /// <summary>One institution's OAuth registration for a customer.</summary>
    internal sealed class InstitutionRecord
    {
        public InstitutionRecord(string institutionId, string name)
        {
            InstitutionId = institutionId;
            Name = name;
        }

        public string InstitutionId { get; }

        public string Name { get; }

        public string Status { get; set; } = OAuthStatus.NotStarted;

        public string? ProductionEnablementDate { get; set; }

        public string? ErrorMessage { get; set; }

        public InstitutionView ToView() => new(InstitutionId, Name, Status, ProductionEnablementDate, ErrorMessage);
    }
}
