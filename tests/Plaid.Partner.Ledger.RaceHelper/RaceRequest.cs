using System;

namespace Plaid.Partner.Ledger.RaceHelper
{
    /// <summary>
    /// The create a racer sends for one reference. Each racer names the application after itself: Plaid (and the emulator)
    /// refuse a second end customer with the same application name, which would hide a second create; with distinct names
    /// a second create would make a second end customer, and the test counts them.
    /// </summary>
    public static class RaceRequest
    {
        public static PartnerCustomerCreateRequest For(string prefix, int index, string racer) => new()
        {
            CompanyName = "Acme",
            IsDiligenceAttested = true,
            Products = new[] { Products.Auth },
            LegalEntityName = "Acme, Inc.",
            Website = "https://acme.example",
            ApplicationName = $"Race {prefix}{index} by {racer}",
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            IsBankAddendumCompleted = true,
        };

        public static PartnerCustomerCreateRequest Valid(string applicationName)
        {
            var request = For(string.Empty, 0, string.Empty);
            request.ApplicationName = applicationName ?? throw new ArgumentNullException(nameof(applicationName));
            return request;
        }
    }
}
