using Plaid.Partner.Benchmarks.Support.HandWrittenModels;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// The largest body the client posts: a create request with every field Plaid's example request sends (Plaid API docs, Partner › /partner/customer/create), once as the
    /// library's model and once as the hand-written one. Setup checks both serialize to the same bytes.
    /// </summary>
    internal static class CreateRequests
    {
        public static PartnerCustomerCreateRequest Library() => new()
        {
            CompanyName = "Plaid",
            IsDiligenceAttested = true,
            Products = new[] { Products.Auth, Products.Identity, Products.Transactions },
            LegalEntityName = "Plaid Inc.",
            Website = "https://plaid.com",
            ApplicationName = "Plaid",
            TechnicalContact = new PartnerEndCustomerTechnicalContact { GivenName = "Alice", FamilyName = "Smith", Email = "alice@example.com" },
            BillingContact = new PartnerEndCustomerBillingContact { GivenName = "Bob", FamilyName = "Jones", Email = "bob@example.com" },
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo
            {
                Email = "support@example.com",
                PhoneNumber = "1234567890",
                ContactUrl = "https://example.com/contact",
                LinkUpdateUrl = "https://example.com/update",
            },
            Address = new PartnerEndCustomerAddress { City = "New York", Street = "123 Main St", Region = "NY", PostalCode = "12345", CountryCode = "US" },
            IsBankAddendumCompleted = true,
        };

        public static CreateRequest HandWritten() => new()
        {
            CompanyName = "Plaid",
            IsDiligenceAttested = true,
            Products = new[] { "auth", "identity", "transactions" },
            LegalEntityName = "Plaid Inc.",
            Website = "https://plaid.com",
            ApplicationName = "Plaid",
            TechnicalContact = new Contact { GivenName = "Alice", FamilyName = "Smith", Email = "alice@example.com" },
            BillingContact = new Contact { GivenName = "Bob", FamilyName = "Jones", Email = "bob@example.com" },
            CustomerSupportInfo = new SupportInfo
            {
                Email = "support@example.com",
                PhoneNumber = "1234567890",
                ContactUrl = "https://example.com/contact",
                LinkUpdateUrl = "https://example.com/update",
            },
            Address = new Address { City = "New York", Street = "123 Main St", Region = "NY", PostalCode = "12345", CountryCode = "US" },
            IsBankAddendumCompleted = true,
        };
    }
}
