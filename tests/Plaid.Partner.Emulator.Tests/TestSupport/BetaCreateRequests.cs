using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Beta onboarding requests (Plaid API docs, Partner › /beta/partner/customer/v1/*); each create has a unique application name.</summary>
    internal static class BetaCreateRequests
    {
        /// <summary>Only the fields the contract requires, for <c>auth</c> unless told: the legal name, the diligence attestation and the bank addendum are due.</summary>
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
            request.BankAddendumAcceptance = BankAddendum();
            request.Questionnaires = CraQuestionnaire();
            return request;
        }

        /// <summary>An accepted bank addendum: when and from where.</summary>
        public static PartnerEndCustomerBankAddendumAcceptance BankAddendum() =>
            new() { CustomerAccepted = true, CustomerAgreementTimestamp = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), CustomerIpAddress = "203.0.113.7" };

        /// <summary>A complete CRA questionnaire: both answers and one permissible purpose with a use case.</summary>
        public static PartnerEndCustomerQuestionnaires CraQuestionnaire() => new()
        {
            Cra = new PartnerEndCustomerCRAQuestionnaire
            {
                IsThirdPartyInvolved = false,
                IsTechnicalServiceProviderInvolved = false,
                Purposes = new PartnerEndCustomerCRAPurposes { RiskAssessment = new PartnerEndCustomerCRAUseCases { UseCases = new[] { PartnerEndCustomerCRAUseCase.CreditUnderwriting } } },
            },
        };

        /// <summary>The request as JSON the way the client sends it, for bodies it would refuse to send.</summary>
        public static JObject Json(object request) => JObject.FromObject(request);

        /// <summary>The <c>end_customer</c> of the beta answer, as JSON.</summary>
        public static JObject EndCustomer(BetaPartnerCustomerV1CreateResponse response) => JObject.FromObject(response.EndCustomer!);

        /// <summary>The <c>requirements_due</c> entries as strings (none when the member is absent).</summary>
        public static string[] Due(BetaPartnerEndCustomer? endCustomer) => (endCustomer?.RequirementsDue ?? Array.Empty<PartnerEndCustomerRequirementDue>()).Select(e => e.ToString()).ToArray();

        /// <summary>The <c>requirements_due</c> entries of a create's answer.</summary>
        public static string[] Due(BetaPartnerCustomerV1CreateResponse response) => Due(response.EndCustomer);

        /// <summary>An enable request for <paramref name="id"/> and <paramref name="products"/> (none: every product of the customer).</summary>
        public static BetaPartnerCustomerV1EnableRequest Enable(string id, params Products[] products) =>
            new() { EndCustomerClientId = id, Products = products.Length == 0 ? null : products };
    }
}
