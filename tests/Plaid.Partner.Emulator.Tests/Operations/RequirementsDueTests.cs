using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>
    /// What beta create lists in <c>requirements_due</c>, and the status that follows, for a few product and field
    /// combinations, through <c>client.Beta.CreateEndCustomerAsync</c> over loopback. The expected lists are the emulator
    /// README's table, written out here rather than read from the emulator.
    /// </summary>
    public class RequirementsDueTests
    {
        private const string LegalEntityName = "legal_entity_name";
        private const string Website = "website";
        private const string ApplicationName = "application_name";
        private const string Diligence = "is_diligence_attested";
        private const string Address = "address";
        private const string BankAddendum = "bank_addendum_acceptance";
        private const string Cra = "questionnaires.cra";

        private static readonly string[] Minimal = { LegalEntityName, Diligence, BankAddendum };

        // Each case creates a customer with its own application name, so one emulator serves them all.
        private PlaidPartnerEmulator _emulator = null!;

        public record DueCase(string What, Func<BetaPartnerCustomerV1CreateRequest> Request, string[] Due)
        {
            public override string ToString() => What;
        }

        private static readonly DueCase[] Cases =
        {
            new("auth with only the required fields", () => BetaCreateRequests.Minimal(Products.Auth), Minimal),
            new("no products (the reseller's, no CRA product)", () => { var r = BetaCreateRequests.Minimal(); r.Products = null; return r; }, Minimal),
            new("an empty products list: as no products", () => { var r = BetaCreateRequests.Minimal(); r.Products = Array.Empty<Products>(); return r; }, Minimal),
            new("cra_base_report with only the required fields: the CRA questionnaire too", () => BetaCreateRequests.Minimal(Products.CraBaseReport),
                new[] { LegalEntityName, Diligence, BankAddendum, Cra }),
            new("auth and transactions, all given", () => BetaCreateRequests.Complete(Products.Auth, Products.Transactions), Array.Empty<string>()),
            new("cra_income_insights, all given", () => BetaCreateRequests.Complete(Products.CraIncomeInsights), Array.Empty<string>()),
            new("a cra_ product added later to the enum still needs the questionnaire",
                () => { var r = BetaCreateRequests.Complete(Products.CraPlaidCreditScore); r.Questionnaires = null; return r; }, new[] { Cra }),
            new("auth without the CRA questionnaire: not due for auth", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.Questionnaires = null; return r; }, Array.Empty<string>()),
            new("auth and cra_partner_insights without the CRA questionnaire",
                () => { var r = BetaCreateRequests.Complete(Products.Auth, Products.CraPartnerInsights); r.Questionnaires = null; return r; }, new[] { Cra }),
            new("cra_base_report with a purpose but no use case",
                () =>
                {
                    var r = BetaCreateRequests.Complete(Products.CraBaseReport);
                    var noUseCase = new PartnerEndCustomerCRAUseCases { UseCases = Array.Empty<PartnerEndCustomerCRAUseCase>() };
                    r.Questionnaires!.Cra!.Purposes = new PartnerEndCustomerCRAPurposes { Employment = noUseCase };
                    return r;
                },
                new[] { Cra }),
            new("cra_base_report with one CRA answer missing",
                () => { var r = BetaCreateRequests.Complete(Products.CraBaseReport); r.Questionnaires!.Cra!.IsTechnicalServiceProviderInvolved = null; return r; }, new[] { Cra }),
            new("a CRA answer of true answers it as well as false",
                () => { var r = BetaCreateRequests.Complete(Products.CraBaseReport); r.Questionnaires!.Cra!.IsThirdPartyInvolved = true; return r; }, Array.Empty<string>()),
            new("diligence attested false", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.IsDiligenceAttested = false; return r; }, new[] { Diligence }),
            new("the bank addendum not accepted", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.BankAddendumAcceptance!.CustomerAccepted = false; return r; }, new[] { BankAddendum }),
            new("the bank addendum accepted without the IP address", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.BankAddendumAcceptance!.CustomerIpAddress = null; return r; },
                new[] { BankAddendum }),
            new("the bank addendum accepted without its time", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.BankAddendumAcceptance!.CustomerAgreementTimestamp = null; return r; },
                new[] { BankAddendum }),
            new("a blank legal entity name", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.LegalEntityName = " "; return r; }, new[] { LegalEntityName }),
            new("a blank application name", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.ApplicationName = "   "; return r; }, new[] { ApplicationName }),
            new("a blank website", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.Website = "  "; return r; }, new[] { Website }),
            new("an address without a city", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.Address.City = null; return r; }, new[] { Address }),
            new("an address without a region still does", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.Address.Region = null; return r; }, Array.Empty<string>()),
            new("no support e-mail: not a requirement", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.CustomerSupportInfo.Email = null; return r; }, Array.Empty<string>()),
            new("no contacts while the partner has them on file: never due",
                () => { var r = BetaCreateRequests.Complete(Products.Auth); r.TechnicalContact = null; r.BillingContact = null; return r; }, Array.Empty<string>()),
            new("everything missing, in Plaid's enum order",
                () => { var r = BetaCreateRequests.Minimal(Products.CraBaseReport); r.Website = " "; r.Address = new PartnerEndCustomerAddress(); return r; },
                new[] { LegalEntityName, Website, Diligence, Address, BankAddendum, Cra }),
        };

        [OneTimeSetUp]
        public async Task StartEmulatorAsync() => _emulator = await PlaidPartnerEmulator.StartAsync();

        [OneTimeTearDown]
        public async Task StopEmulatorAsync() => await _emulator.DisposeAsync();

        [TestCaseSource(nameof(Cases))]
        public async Task Requirements_due_lists_what_the_products_still_need_in_table_order(DueCase @case)
        {
            var created = await _emulator.CreateClient().Beta.CreateEndCustomerAsync(@case.Request());

            var expectedStatus = @case.Due.Length > 0 ? PartnerEndCustomerStatus.MoreInformationNeeded : PartnerEndCustomerStatus.PendingEnablement;
            Assert.Multiple(() =>
            {
                Assert.That(BetaCreateRequests.Due(created), Is.EqualTo(@case.Due));
                Assert.That(created.EndCustomer!.RequirementsDue, @case.Due.Length > 0 ? Is.Not.Null : Is.Null, "left out when nothing is due");
                Assert.That(created.EndCustomer.Status, Is.EqualTo(expectedStatus), "a customer is created whatever is due");
            });
        }
    }
}
