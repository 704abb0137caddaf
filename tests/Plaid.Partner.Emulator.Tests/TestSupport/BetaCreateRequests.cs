using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Operations;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Beta create requests (seed 003), each with a unique application name.</summary>
    internal static class BetaCreateRequests
    {
        /// <summary>Only the fields the contract requires, for <c>auth</c>: everything the products need is still due.</summary>
        public static BetaPartnerCustomerV1CreateRequest Minimal(params Products[] products) => new()
        {
            CompanyName = "Acme",
            ApplicationName = CreateRequests.UniqueName("Beta"),
            Website = "https://acme.example",
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo(),
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            Products = products.Length == 0 ? new[] { Products.Auth } : products,
        };

        /// <summary>Every field, including the CRA questionnaire: nothing is due for any product.</summary>
        public static BetaPartnerCustomerV1CreateRequest Complete(params Products[] products)
        {
            var request = Minimal(products);
            request.LegalEntityName = "Acme, Inc.";
            request.IsDiligenceAttested = true;
            request.CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo { Email = "support@acme.example", PhoneNumber = "+1 212 555 0100" };
            request.BankAddendumAcceptance = new PartnerEndCustomerBankAddendumAcceptance { CustomerAccepted = true, CustomerAgreementTimestamp = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), CustomerIpAddress = "203.0.113.7" };
            request.Questionnaires = new PartnerEndCustomerQuestionnaires
            {
                Cra = new PartnerEndCustomerCRAQuestionnaire
                {
                    IsThirdPartyInvolved = false,
                    IsTechnicalServiceProviderInvolved = false,
                    // Seed 003 lists no use-case values; the string only exercises the shape.
                    Purposes = new PartnerEndCustomerCRAPurposes { RiskAssessment = new PartnerEndCustomerCRAUseCases { UseCases = new[] { PartnerEndCustomerCRAUseCase.CreditUnderwriting } } },
                },
            };
            return request;
        }

        /// <summary>The request as JSON the way the client sends it, for bodies it would refuse to send.</summary>
        public static JObject Json(BetaPartnerCustomerV1CreateRequest request) => JObject.FromObject(request);

        /// <summary>The <c>end_customer</c> of the beta answer, as JSON.</summary>
        public static JObject EndCustomer(BetaPartnerCustomerV1CreateResponse response) => JObject.FromObject(response.EndCustomer!);

        /// <summary>The <c>requirements_due</c> entries as strings.</summary>
        public static string[] Due(BetaPartnerCustomerV1CreateResponse response) => (response.EndCustomer?.RequirementsDue ?? Array.Empty<PartnerEndCustomerRequirementDue>()).Select(e => e.ToString()).ToArray();
    }
}
