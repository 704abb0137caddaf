using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>The other side of each create rule: what satisfies it (the refusals are in PlaidErrorsTests).</summary>
    public class CreateRulesTests
    {
        [Test]
        public async Task A_1024_square_png_logo_satisfies_the_logo_rules()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var request = CreateRequests.Valid();
            request.CreateLinkCustomization = true;
            request.Logo = PngHeader.Base64(1024, 1024);

            var created = await emulator.CreateClient().CreateEndCustomerAsync(request);

            Assert.That(created.EndCustomer!.Status, Is.EqualTo(PartnerEndCustomerStatus.UnderReview));
        }

        [Test]
        public async Task Without_the_co_branded_consent_pane_link_customization_needs_no_logo()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Partner = new EmulatorPartnerSettings { CoBrandedConsentInUse = false } });
            var request = CreateRequests.Valid();
            request.CreateLinkCustomization = true;

            Assert.That(await emulator.CreateClient().CreateEndCustomerAsync(request), Is.Not.Null);
        }

        [Test]
        public async Task A_contact_in_the_request_satisfies_contact_required()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Partner = new EmulatorPartnerSettings { ContactsOnFile = false } });
            var request = CreateRequests.Valid();
            request.BillingContact = new PartnerEndCustomerBillingContact { GivenName = "Bob", FamilyName = "Jones", Email = "bob@example.com" };

            Assert.That(await emulator.CreateClient().CreateEndCustomerAsync(request), Is.Not.Null);
        }

        [Test]
        public async Task Assets_under_management_in_the_request_satisfy_a_monthly_commitment()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Partner = new EmulatorPartnerSettings { MonthlyServiceCommitment = true } });
            var request = CreateRequests.Valid();
            request.AssetsUnderManagement = new PartnerEndCustomerAssetsUnderManagement { Amount = 1_000_000, IsoCurrencyCode = "USD" };

            Assert.That(await emulator.CreateClient().CreateEndCustomerAsync(request), Is.Not.Null);
        }

        [Test]
        public async Task The_flowdown_and_questionnaire_settings_show_in_oauth_institutions_get()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await emulator.SetPartnerSettingsAsync(new EmulatorPartnerSettings { FlowdownComplete = false, QuestionnaireComplete = false });

            var institutions = await client.GetEndCustomerOAuthInstitutionsAsync(id);

            Assert.Multiple(() =>
            {
                Assert.That(institutions.FlowdownStatus, Is.EqualTo(PartnerEndCustomerFlowdownStatus.NotStarted));
                Assert.That(institutions.QuestionnaireStatus, Is.EqualTo(PartnerEndCustomerQuestionnaireStatus.NotStarted));
            });
        }
    }
}
