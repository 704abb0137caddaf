using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Errors
{
    /// <summary>
    /// Every PARTNER_ERROR of Plaid API docs, Errors › Partner errors, is reachable by a documented input or setting,
    /// and arrives with the HTTP status, type, code and message that page gives (the expected values are copied from
    /// the page here, not taken from the emulator).
    /// </summary>
    public class PlaidErrorsTests
    {
        public record PartnerErrorCase(string Code, int Status, string Message, string How, Func<PlaidPartnerEmulatorOptions> Options, Func<PlaidPartnerEmulator, PlaidPartnerClient, Task> Trigger)
        {
            public override string ToString() => $"{Code} when {How}";
        }

        private static PlaidPartnerEmulatorOptions Defaults() => new();

        private static PlaidPartnerEmulatorOptions WithPartner(Action<EmulatorPartnerSettings> change)
        {
            var options = new PlaidPartnerEmulatorOptions();
            change(options.Partner);
            return options;
        }

        private static async Task<string> CreateAsync(PlaidPartnerClient client) =>
            (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

        private static async Task<string> PendingAsync(PlaidPartnerEmulator emulator, PlaidPartnerClient client)
        {
            var id = await CreateAsync(client);
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            return id;
        }

        private static readonly PartnerErrorCase[] Cases =
        {
            new("CUSTOMER_NOT_FOUND", 404, "the customer was not found", "the id is unknown",
                Defaults, (_, c) => c.GetEndCustomerAsync("no-such-end-customer")),
            new("CUSTOMER_NOT_FOUND", 404, "the customer was not found", "the customer was removed",
                Defaults, async (_, c) => { var id = await CreateAsync(c); await c.RemoveEndCustomerAsync(id); await c.EnableEndCustomerAsync(id); }),
            new("FLOWDOWN_NOT_COMPLETE", 412, "you must complete a flowdown to create and enable customers", "Partner.FlowdownComplete is false on create",
                () => WithPartner(p => p.FlowdownComplete = false), (_, c) => CreateAsync(c)),
            new("FLOWDOWN_NOT_COMPLETE", 412, "you must complete a flowdown to create and enable customers", "Partner.FlowdownComplete is false on enable",
                Defaults, async (e, c) =>
                {
                    var id = await PendingAsync(e, c);
                    await e.SetPartnerSettingsAsync(new EmulatorPartnerSettings { FlowdownComplete = false });
                    await c.EnableEndCustomerAsync(id);
                }),
            new("QUESTIONNAIRE_NOT_COMPLETE", 412, "you must complete the security questionnaire to create and enable customers", "Partner.QuestionnaireComplete is false on create",
                () => WithPartner(p => p.QuestionnaireComplete = false), (_, c) => CreateAsync(c)),
            new("QUESTIONNAIRE_NOT_COMPLETE", 412, "you must complete the security questionnaire to create and enable customers", "Partner.QuestionnaireComplete is false on enable",
                Defaults, async (e, c) =>
                {
                    var id = await PendingAsync(e, c);
                    await e.SetPartnerSettingsAsync(new EmulatorPartnerSettings { QuestionnaireComplete = false });
                    await c.EnableEndCustomerAsync(id);
                }),
            new("CUSTOMER_NOT_READY_FOR_ENABLEMENT", 412, "this customer is not ready for enablement", "the customer is UNDER_REVIEW",
                Defaults, async (_, c) => await c.EnableEndCustomerAsync(await CreateAsync(c))),
            new("CUSTOMER_NOT_READY_FOR_ENABLEMENT", 412, "this customer is not ready for enablement", "the customer is DENIED",
                Defaults, async (e, c) => { var id = await CreateAsync(c); await e.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.Denied); await c.EnableEndCustomerAsync(id); }),
            new("CUSTOMER_ALREADY_ENABLED", 400, "this customer has already been enabled", "enable is called twice",
                Defaults, async (e, c) => { var id = await PendingAsync(e, c); await c.EnableEndCustomerAsync(id); await c.EnableEndCustomerAsync(id); }),
            new("CUSTOMER_ALREADY_CREATED", 400, "this customer has already been created", "the application_name is taken (any case)",
                Defaults, async (_, c) =>
                {
                    var name = CreateRequests.UniqueName();
                    await c.CreateEndCustomerAsync(CreateRequests.Valid(name));
                    await c.CreateEndCustomerAsync(CreateRequests.Valid(name.ToUpperInvariant()));
                }),
            new("LOGO_REQUIRED", 400, "a logo is required because create_link_customization is set to true and the co-branded consent pane is in use",
                "create_link_customization is true without a logo",
                Defaults, (_, c) => { var r = CreateRequests.Valid(); r.CreateLinkCustomization = true; return c.CreateEndCustomerAsync(r); }),
            new("INVALID_LOGO", 400, "the logo must be a base64-encoded string of a PNG of size 1024x1024", "the logo is a 512x512 PNG",
                Defaults, (_, c) => { var r = CreateRequests.Valid(); r.Logo = PngHeader.Base64(512, 512); return c.CreateEndCustomerAsync(r); }),
            new("INVALID_LOGO", 400, "the logo must be a base64-encoded string of a PNG of size 1024x1024", "the logo is not base64",
                Defaults, (_, c) => { var r = CreateRequests.Valid(); r.Logo = "not base64!"; return c.CreateEndCustomerAsync(r); }),
            new("CONTACT_REQUIRED", 400, "billing or technical contacts must be submitted either in the request or filled in for your team in the dashboard",
                "Partner.ContactsOnFile is false and the request has no contact",
                () => WithPartner(p => p.ContactsOnFile = false), (_, c) => CreateAsync(c)),
            new("ASSETS_UNDER_MANAGEMENT_REQUIRED", 400, "assets under management must be submitted because your team has a monthly service commitment",
                "Partner.MonthlyServiceCommitment is true and assets_under_management is missing",
                () => WithPartner(p => p.MonthlyServiceCommitment = true), (_, c) => CreateAsync(c)),
            new("CUSTOMER_REMOVAL_NOT_ALLOWED", 400, "removal of a production-enabled end customer is not allowed. talk to your account manager to remove this end customer.", "the customer is ACTIVE",
                Defaults, async (e, c) => { var id = await PendingAsync(e, c); await c.EnableEndCustomerAsync(id); await c.RemoveEndCustomerAsync(id); }),
        };

        [TestCaseSource(nameof(Cases))]
        public async Task Each_partner_error_is_reachable_with_Plaids_documented_status_and_body(PartnerErrorCase @case)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(@case.Options());
            var client = emulator.CreateClient();

            var refused = Assert.ThrowsAsync<PlaidApiException>(() => @case.Trigger(emulator, client));

            Assert.Multiple(() =>
            {
                Assert.That((int)refused!.StatusCode, Is.EqualTo(@case.Status));
                Assert.That(refused.ErrorType, Is.EqualTo(PlaidErrorType.PartnerError));
                Assert.That(refused.ErrorCode, Is.EqualTo(@case.Code));
                Assert.That(refused.ErrorMessage, Is.EqualTo(@case.Message));
                Assert.That(refused.DisplayMessage, Is.Null);
                Assert.That(refused.RequestId, Has.Length.EqualTo(15));
            });
        }

        [Test]
        public void All_eleven_partner_error_codes_have_a_case()
        {
            var codes = typeof(PlaidPartnerErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(codes, Has.Count.EqualTo(11));
                Assert.That(Cases.Select(c => c.Code).Distinct(), Is.EquivalentTo(codes));
            });
        }
    }
}
