using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Plaid.Partner.Emulator;

namespace Plaid.Partner.Samples.Tests.WebhookReceiver
{
    /// <summary>
    /// The README's "see it work against the emulator": samples/WebhookReceiver, unchanged but for PLAID_BASE_ADDRESS
    /// pointing its key fetches at the emulator, accepts the emulator's signed webhook. Nothing here stands in for Plaid
    /// but the emulator itself, so a user without a Plaid account can watch the same thing happen.
    /// </summary>
    public class WebhookReceiverAgainstEmulatorTests
    {
        [TestCase("sandbox")]
        [TestCase("production")]
        public async Task With_PLAID_BASE_ADDRESS_at_the_emulator_the_emulators_webhook_is_answered_200_and_handled(string environment)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                Environment = PlaidEnvironment.Parse(environment),
                NewCustomerStatus = PartnerEndCustomerStatus.PendingEnablement,
            });
            await using var receiver = StartReceiver(emulator, environment);
            using var http = receiver.CreateClient();
            var id = await CustomerWithOAuthRegistrationsAsync(emulator);
            await emulator.SetWebhookUrlAsync(new Uri(http.BaseAddress!, "/plaid/webhooks"));

            var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

            var logs = receiver.Services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(delivery?.StatusCode, Is.EqualTo(200), $"the receiver's answer ({delivery?.Error})");
                Assert.That(logs, Has.One.EqualTo($"End customer {id} OAuth status at ins_56 is now approved ({environment})"));
            });
        }

        private static WebApplicationFactory<Program> StartReceiver(PlaidPartnerEmulator emulator, string environment)
        {
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("PLAID_CLIENT_ID", emulator.ClientId);
                web.UseSetting("PLAID_SECRET", emulator.Secret);
                web.UseSetting("PLAID_ENV", environment);
                web.UseSetting("PLAID_BASE_ADDRESS", emulator.BaseAddress.ToString());
                web.ConfigureServices(services => services.AddFakeLogging());
            });
            factory.UseKestrel(0);
            factory.StartServer();
            return factory;
        }

        /// <summary>As Production the emulator changes OAuth statuses of its own customers only (as Sandbox, of any id): one created.</summary>
        private static async Task<string> CustomerWithOAuthRegistrationsAsync(PlaidPartnerEmulator emulator)
        {
            if (!emulator.Environment.IsProduction)
            {
                return "any-id";
            }

            var client = new PlaidPartnerClient(emulator.CreateClientOptions());
            var created = await client.CreateEndCustomerAsync(new PartnerCustomerCreateRequest
            {
                CompanyName = "Receiver Co",
                LegalEntityName = "Receiver Co, Inc.",
                ApplicationName = "Receiver App",
                Website = "https://receiver.example",
                IsDiligenceAttested = true,
                IsBankAddendumCompleted = true,
                Products = new[] { Products.Auth },
                Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            });
            return created.EndCustomer!.ClientId!;
        }
    }
}
