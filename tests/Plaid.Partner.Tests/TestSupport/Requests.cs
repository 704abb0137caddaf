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

        /// <summary>A beta create request with every field seed 003 documents, the CRA questionnaire included.</summary>
        public static BetaPartnerCustomerV1CreateRequest BetaCreate() => new()
        {
            CompanyName = "Plaid",
            ApplicationName = "Plaid",
            Website = "plaid.com",
            LegalEntityName = "Plaid",
            IsDiligenceAttested = true,
            Products = new[] { Products.CraBaseReport },
            CreateLinkCustomization = false,
            Address = new PartnerEndCustomerAddress { City = "New York", Street = "123 Main St", Region = "NY", PostalCode = "12345", CountryCode = "US" },
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo { Email = "support@example.com", PhoneNumber = "1234567890", ContactUrl = "example.com/contact", LinkUpdateUrl = "example.com/update" },
            TechnicalContact = new PartnerEndCustomerTechnicalContact { GivenName = "Alice", FamilyName = "Smith", Email = "alice@example.com" },
            BillingContact = new PartnerEndCustomerBillingContact { GivenName = "Bob", FamilyName = "Jones", Email = "bob@example.com" },
            BankAddendumAcceptance = new PartnerEndCustomerBankAddendumAcceptance { CustomerAccepted = true, CustomerAgreementTimestamp = "2024-05-01T12:00:00Z", CustomerIpAddress = "203.0.113.7" },
            Questionnaires = new PartnerEndCustomerQuestionnaires
            {
                Cra = new PartnerEndCustomerCraQuestionnaire
                {
                    IsThirdPartyInvolved = false,
                    IsTechnicalServiceProviderInvolved = true,
                    Purposes = new PartnerEndCustomerCraPurposes
                    {
                        // Seed 003 lists no use-case values; these strings only exercise the shape.
                        Employment = new PartnerEndCustomerCraPurposeUseCases { UseCases = new[] { "use-case-a" } },
                        RiskAssessment = new PartnerEndCustomerCraPurposeUseCases { UseCases = new[] { "use-case-b", "use-case-c" } },
                    },
                },
            },
            RedirectUris = new[] { "https://www.example.com/oauth.html" },
        };
    }
}
