using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>
    /// What beta create lists in <c>requirements_due</c> for a few product and field combinations, through
    /// <c>client.Beta.CreateEndCustomerAsync</c> over loopback. The expected lists are the emulator README's table,
    /// written out here rather than read from the emulator.
    /// </summary>
    public class RequirementsDueTests
    {
        private const string LegalEntityName = "legal_entity_name";
        private const string Diligence = "is_diligence_attested";
        private const string BankAddendum = "bank_addendum_acceptance";
        private const string SupportEmail = "customer_support_info.email";
        private const string CraPurposes = "questionnaires.cra.purposes";
        private const string CraThirdParty = "questionnaires.cra.is_third_party_involved";
        private const string CraProvider = "questionnaires.cra.is_technical_service_provider_involved";

        private static readonly string[] EveryProduct = { LegalEntityName, Diligence, BankAddendum, SupportEmail };

        // Each case creates a customer with its own application name, so one emulator serves them all.
        private PlaidPartnerEmulator _emulator = null!;

        public record DueCase(string What, Func<BetaPartnerCustomerV1CreateRequest> Request, string[] Due)
        {
            public override string ToString() => What;
        }

        private static readonly DueCase[] Cases =
        {
            new("auth with only the required fields: every-product fields", () => BetaCreateRequests.Minimal(Products.Auth), EveryProduct),
            new("no products (the reseller's): every-product fields, no CRA", () => { var r = BetaCreateRequests.Minimal(); r.Products = null; return r; }, EveryProduct),
            new("an empty products list: as no products", () => { var r = BetaCreateRequests.Minimal(); r.Products = Array.Empty<Products>(); return r; }, EveryProduct),
            new("cra_base_report with only the required fields: every-product and CRA fields", () => BetaCreateRequests.Minimal(Products.CraBaseReport), new[] { LegalEntityName, Diligence, BankAddendum, SupportEmail, CraPurposes, CraThirdParty, CraProvider }),
            new("auth and transactions, all given", () => BetaCreateRequests.Complete(Products.Auth, Products.Transactions), Array.Empty<string>()),
            new("cra_income_insights, all given", () => BetaCreateRequests.Complete(Products.CraIncomeInsights), Array.Empty<string>()),
            new("auth without the CRA questionnaire: CRA fields are not due for auth", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.Questionnaires = null; return r; }, Array.Empty<string>()),
            new("auth and cra_partner_insights without the CRA questionnaire", () => { var r = BetaCreateRequests.Complete(Products.Auth, Products.CraPartnerInsights); r.Questionnaires = null; return r; }, new[] { CraPurposes, CraThirdParty, CraProvider }),
            new("cra_base_report with a purpose but no use case", () => { var r = BetaCreateRequests.Complete(Products.CraBaseReport); r.Questionnaires!.Cra!.Purposes = new PartnerEndCustomerCRAPurposes { Employment = new PartnerEndCustomerCRAUseCases { UseCases = Array.Empty<PartnerEndCustomerCRAUseCase>() } }; return r; }, new[] { CraPurposes }),
            new("cra_base_report with one CRA answer missing", () => { var r = BetaCreateRequests.Complete(Products.CraBaseReport); r.Questionnaires!.Cra!.IsTechnicalServiceProviderInvolved = null; return r; }, new[] { CraProvider }),
            new("a CRA answer of false still answers it", () => { var r = BetaCreateRequests.Complete(Products.CraBaseReport); r.Questionnaires!.Cra!.IsThirdPartyInvolved = false; return r; }, Array.Empty<string>()),
            new("diligence attested false", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.IsDiligenceAttested = false; return r; }, new[] { Diligence }),
            new("the bank addendum not accepted", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.BankAddendumAcceptance!.CustomerAccepted = false; return r; }, new[] { BankAddendum }),
            new("the bank addendum accepted without the IP address", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.BankAddendumAcceptance!.CustomerIpAddress = null; return r; }, new[] { BankAddendum }),
            new("a blank legal entity name and no support e-mail", () => { var r = BetaCreateRequests.Complete(Products.Auth); r.LegalEntityName = " "; r.CustomerSupportInfo.Email = null; return r; }, new[] { LegalEntityName, SupportEmail }),
        };

        [OneTimeSetUp]
        public async Task StartEmulatorAsync() => _emulator = await PlaidPartnerEmulator.StartAsync();

        [OneTimeTearDown]
        public async Task StopEmulatorAsync() => await _emulator.DisposeAsync();

        [TestCaseSource(nameof(Cases))]
        public async Task Requirements_due_lists_what_the_products_still_need_in_table_order(DueCase @case)
        {
            var created = await _emulator.CreateClient().Beta.CreateEndCustomerAsync(@case.Request());

            Assert.Multiple(() =>
            {
                Assert.That(BetaCreateRequests.Due(created), Is.EqualTo(@case.Due));
                Assert.That(BetaCreateRequests.EndCustomer(created)["status"]?.ToString(), Is.EqualTo("UNDER_REVIEW"), "a customer is created whatever is due");
            });
        }
    }
}
