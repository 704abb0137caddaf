using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Seeding
{
    /// <summary>
    /// A known starting state, read and checked once from a seed file: the partner settings and the end customers,
    /// with their ids and secrets fixed at load, so every reset builds the very same customers again.
    /// </summary>
    internal sealed class EmulatorSeed
    {
        public EmulatorSeed(EmulatorPartnerSettings? partner, IReadOnlyList<SeedCustomer> customers)
        {
            Partner = partner;
            Customers = customers;
        }

        /// <summary>No seed: no customers, and the partner settings the emulator was started with.</summary>
        public static EmulatorSeed Empty { get; } = new(null, Array.Empty<SeedCustomer>());

        /// <summary>The partner settings, or null to keep the ones the emulator was started with.</summary>
        public EmulatorPartnerSettings? Partner { get; }

        public IReadOnlyList<SeedCustomer> Customers { get; }

        /// <summary>Fresh records of the seeded customers, dated <paramref name="now"/> where a date is due.</summary>
        public IEnumerable<CustomerRecord> BuildRecords(DateTimeOffset now) => Customers.Select(c => c.Build(now));
    }

    /// <summary>One seeded end customer, already checked.</summary>
    internal sealed record SeedCustomer(
        string ClientId,
        string CompanyName,
        string ApplicationName,
        string SandboxSecret,
        string ProductionSecret,
        IReadOnlyList<string> History,
        IReadOnlyDictionary<string, (string Status, string? ErrorMessage)> OAuthStatuses,
        JObject? BetaDetails,
        IReadOnlyList<string>? BetaProducts)
    {
        public CustomerRecord Build(DateTimeOffset now)
        {
            BetaOnboarding? onboarding = null;
            if (BetaDetails is not null)
            {
                onboarding = new BetaOnboarding((JObject)BetaDetails.DeepClone(), BetaProducts!);
                onboarding.Assess(RequirementsDue.Assess);
                if (History[^1] == CustomerStatus.Active)
                {
                    onboarding.Enable(BetaProducts!);
                }
            }

            var record = new CustomerRecord(ClientId, CompanyName, ApplicationName, SandboxSecret, ProductionSecret, History[0]) { Onboarding = onboarding };
            record.History.AddRange(History.Skip(1));
            foreach (var institution in record.Institutions)
            {
                if (OAuthStatuses.TryGetValue(institution.InstitutionId, out var seeded))
                {
                    institution.Status = seeded.Status;
                    institution.ErrorMessage = seeded.Status == OAuthStatus.AttentionRequired ? seeded.ErrorMessage ?? OAuthInstitutionCatalog.DefaultAttentionMessage : null;
                }
                else if (record.Status == CustomerStatus.Active)
                {
                    // Plaid starts registering at enable: an ACTIVE customer's unnamed institutions are PROCESSING.
                    institution.Status = OAuthStatus.Processing;
                }

                if (institution.Status is OAuthStatus.Approved or OAuthStatus.Enabled)
                {
                    institution.ProductionEnablementDate = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
            }

            return record;
        }
    }
}
