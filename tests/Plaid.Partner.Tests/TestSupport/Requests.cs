namespace Plaid.Partner.Tests.TestSupport
{
    internal static class Requests
    {
        /// <summary>A create request with every required field and a few optional ones, as in the seed example.</summary>
        public static PartnerCustomerCreateRequest Create() => new()
        {
            CompanyName = "Plaid",
            IsDiligenceAttested = true,
            Products = new[] { Products.Auth, Products.Identity },
            LegalEntityName = "Plaid",
            Website = "plaid.com",
            ApplicationName = "Plaid",
            Address = new PartnerEndCustomerAddress { City = "New York", Street = "123 Main St", Region = "NY", PostalCode = "12345", CountryCode = "US" },
            IsBankAddendumCompleted = true,
        };
    }
}
