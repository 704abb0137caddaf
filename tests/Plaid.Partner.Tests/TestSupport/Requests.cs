namespace Plaid.Partner.Tests.TestSupport
{
    internal static class Requests
    {
        /// <summary>A create request with every required field and a few optional ones, as in Plaid's example.</summary>
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

        /// <summary>A beta create request with every field the beta contract documents, the CRA questionnaire included.</summary>
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
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo
            {
                Email = "support@example.com",
                PhoneNumber = "1234567890",
                ContactUrl = "example.com/contact",
                LinkUpdateUrl = "example.com/update",
            },
            TechnicalContact = new PartnerEndCustomerTechnicalContact { GivenName = "Alice", FamilyName = "Smith", Email = "alice@example.com" },
            BillingContact = new PartnerEndCustomerBillingContact { GivenName = "Bob", FamilyName = "Jones", Email = "bob@example.com" },
            BankAddendumAcceptance = BankAddendum(),
            Questionnaires = CraQuestionnaire(),
            RedirectUris = new[] { "https://www.example.com/oauth.html" },
        };

        /// <summary>The end customer of Plaid's beta examples (its get, update and enable).</summary>
        public const string BetaEndCustomerClientId = "634758733ebb4f00134b85ea";

        /// <summary>A beta update with every field the contract documents.</summary>
        public static BetaPartnerCustomerV1UpdateRequest BetaUpdate() => new()
        {
            EndCustomerClientId = "634758733ebb4f00134b85ea",
            LegalEntityName = "Plaid Inc.",
            BankAddendumAcceptance = BankAddendum(),
            Questionnaires = CraQuestionnaire(),
            RedirectUris = new[] { "https://www.example.com/oauth.html" },
        };

        /// <summary>The beta enable of Plaid's example.</summary>
        public static BetaPartnerCustomerV1EnableRequest BetaEnable() => new() { EndCustomerClientId = "634758733ebb4f00134b85ea", Products = new[] { Products.Auth } };

        private static PartnerEndCustomerBankAddendumAcceptance BankAddendum() =>
            new() { CustomerAccepted = true, CustomerAgreementTimestamp = new System.DateTimeOffset(2024, 5, 1, 12, 0, 0, System.TimeSpan.Zero), CustomerIpAddress = "203.0.113.7" };

        private static PartnerEndCustomerQuestionnaires CraQuestionnaire() => new()
        {
            Cra = new PartnerEndCustomerCRAQuestionnaire
            {
                IsThirdPartyInvolved = false,
                IsTechnicalServiceProviderInvolved = true,
                Purposes = new PartnerEndCustomerCRAPurposes
                {
                    Employment = new PartnerEndCustomerCRAUseCases { UseCases = new[] { PartnerEndCustomerCRAUseCase.CreditUnderwriting } },
                    RiskAssessment = new PartnerEndCustomerCRAUseCases
                    {
                        UseCases = new[] { PartnerEndCustomerCRAUseCase.BankAccountOpening, PartnerEndCustomerCRAUseCase.IdentityVerificationFraudPrevention },
                    },
                },
            },
        };
    }
}
