using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>The body the emulator delivers: Plaid's example webhook, byte for byte, that the contract's model reads.</summary>
    public class WebhookBodyTests
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_171_717);

        [Test]
        public async Task The_body_is_Plaids_example_webhook_indented_with_two_spaces()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired);
            var webhook = await receiver.NextAsync();

            Assert.Multiple(() =>
            {
                Assert.That(webhook.Method, Is.EqualTo("POST"));
                Assert.That(webhook.Path, Is.EqualTo("/plaid/webhooks"));
                Assert.That(webhook.Headers["Content-Type"], Does.StartWith("application/json"));
                Assert.That(webhook.Text, Is.EqualTo(
                    "{\n" +
                    "  \"webhook_type\": \"PARTNER\",\n" +
                    "  \"webhook_code\": \"END_CUSTOMER_OAUTH_STATUS_UPDATED\",\n" +
                    $"  \"end_customer_client_id\": \"{id}\",\n" +
                    "  \"environment\": \"production\",\n" +
                    "  \"institution_id\": \"ins_1\",\n" +
                    "  \"institution_name\": \"Bank of America\",\n" +
                    "  \"status\": \"attention-required\"\n" +
                    "}"));
            });
        }

        [Test]
        public async Task The_body_parses_into_the_contracts_webhook_model()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_128026", PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled);
            var webhook = Newtonsoft.Json.JsonConvert.DeserializeObject<PartnerEndCustomerOAuthStatusUpdatedWebhook>((await receiver.NextAsync()).Text)!;

            Assert.Multiple(() =>
            {
                Assert.That(webhook.WebhookType, Is.EqualTo("PARTNER"));
                Assert.That(webhook.WebhookCode, Is.EqualTo("END_CUSTOMER_OAUTH_STATUS_UPDATED"));
                Assert.That(webhook.EndCustomerClientId, Is.EqualTo(id));
                Assert.That(webhook.Environment, Is.EqualTo(WebhookEnvironmentValues.Production));
                Assert.That(webhook.InstitutionId, Is.EqualTo("ins_128026"));
                Assert.That(webhook.InstitutionName, Is.EqualTo("Capital One"));
                Assert.That(webhook.Status, Is.EqualTo(PartnerEndCustomerOAuthStatusUpdatedValues.Enabled));
                Assert.That(webhook.AdditionalProperties, Is.Empty);
            });
        }

        private static Task<PlaidPartnerEmulator> StartAsync(WebhookReceiver receiver) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = new FakeTimeProvider(Now) });

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
    }
}
