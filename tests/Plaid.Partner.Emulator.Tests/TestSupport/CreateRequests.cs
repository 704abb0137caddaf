using System;
using System.Threading;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Valid create requests; each gets a unique application name, as Plaid requires.</summary>
    internal static class CreateRequests
    {
        private static int _next;

        public static string UniqueName(string prefix = "App") => $"{prefix} {Interlocked.Increment(ref _next)} {Guid.NewGuid():N}";

        public static PartnerCustomerCreateRequest Valid(string? applicationName = null) => new()
        {
            CompanyName = "Acme",
            IsDiligenceAttested = true,
            Products = new[] { Products.Auth, Products.Transactions },
            LegalEntityName = "Acme, Inc.",
            Website = "https://acme.example",
            ApplicationName = applicationName ?? UniqueName(),
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            IsBankAddendumCompleted = true,
        };

        /// <summary>The same request as raw JSON, for bodies the typed client would refuse to send.</summary>
        public static JObject ValidJson() => new()
        {
            ["company_name"] = "Acme",
            ["is_diligence_attested"] = true,
            ["products"] = new JArray("auth", "transactions"),
            ["legal_entity_name"] = "Acme, Inc.",
            ["website"] = "https://acme.example",
            ["application_name"] = UniqueName(),
            ["address"] = new JObject { ["street"] = "1 Main St", ["city"] = "New York", ["region"] = "NY", ["postal_code"] = "10001", ["country_code"] = "US" },
            ["is_bank_addendum_completed"] = true,
        };
    }
}
