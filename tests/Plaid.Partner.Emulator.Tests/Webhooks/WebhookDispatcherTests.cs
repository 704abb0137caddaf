using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>When webhooks are sent, where to, and what the emulator records about each.</summary>
    public class WebhookDispatcherTests
    {
        [Test]
        public async Task Enabling_starts_oauth_registration_and_sends_a_processing_webhook_per_institution_in_order()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(
                new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, NewCustomerStatus = PartnerEndCustomerStatus.PendingEnablement });
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            await client.EnableEndCustomerAsync(id);
            var webhooks = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };

            Assert.Multiple(() =>
            {
                Assert.That(webhooks.Select(w => (string)w.Json["institution_id"]!), Is.EqualTo(new[] { "ins_56", "ins_128026", "ins_1" }));
                Assert.That(webhooks.Select(w => (string)w.Json["status"]!), Has.All.EqualTo("processing"));
                Assert.That(webhooks.Select(w => (string)w.Json["end_customer_client_id"]!), Has.All.EqualTo(id));
            });
        }

        [Test]
        public async Task A_sandbox_emulator_sends_sandbox_webhooks_for_any_customer_id()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox, WebhookUrl = receiver.Url });

            var delivery = await emulator.SetOAuthStatusAsync("634758733ebb4f00134b85ea", "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled);
            var webhook = await receiver.NextAsync();

            Assert.Multiple(() =>
            {
                Assert.That(delivery!.Delivered, Is.True);
                Assert.That((string)webhook.Json["environment"]!, Is.EqualTo("sandbox"));
                Assert.That((string)webhook.Json["end_customer_client_id"]!, Is.EqualTo("634758733ebb4f00134b85ea"));
            });
        }

        [Test]
        public async Task The_delivery_returned_and_logged_is_what_the_receiver_got()
        {
            await using var receiver = await WebhookReceiver.StartAsync(statusCode: 204);
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var received = await receiver.NextAsync();
            var logged = (await emulator.GetWebhookDeliveriesAsync()).Single();

            Assert.Multiple(() =>
            {
                Assert.That(delivery!.StatusCode, Is.EqualTo(204));
                Assert.That(delivery.Delivered, Is.True);
                Assert.That(delivery.Url, Is.EqualTo(receiver.Url));
                Assert.That(delivery.Body, Is.EqualTo(received.Text));
                Assert.That(delivery.VerificationHeader, Is.EqualTo(received.Verification));
                Assert.That(delivery.KeyId, Is.EqualTo(emulator.WebhookKeyId));
                Assert.That(logged.Body, Is.EqualTo(delivery.Body));
                Assert.That(logged.VerificationHeader, Is.EqualTo(delivery.VerificationHeader));
            });
        }

        [Test]
        public async Task A_failing_receiver_is_recorded_with_its_status()
        {
            await using var receiver = await WebhookReceiver.StartAsync(statusCode: 500);
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

            Assert.Multiple(() =>
            {
                Assert.That(delivery!.StatusCode, Is.EqualTo(500));
                Assert.That(delivery.Delivered, Is.False);
            });
        }

        [Test]
        public async Task An_unreachable_receiver_is_recorded_with_the_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = new Uri($"http://127.0.0.1:{LoopbackHost.UnusedPort()}/hook") });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

            Assert.Multiple(() =>
            {
                Assert.That(delivery!.StatusCode, Is.Null);
                Assert.That(delivery.Error, Is.Not.Null.And.Not.Empty);
                Assert.That(delivery.Delivered, Is.False);
            });
        }

        [Test]
        public async Task Without_a_webhook_url_or_without_a_change_nothing_is_sent()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var noUrl = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            await emulator.SetWebhookUrlAsync(receiver.Url);
            var unchanged = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            var changed = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.SetWebhookUrlAsync(null);
            var stopped = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(noUrl, Is.Null);
                Assert.That(unchanged, Is.Null);
                Assert.That(changed!.Delivered, Is.True);
                Assert.That(stopped, Is.Null);
                Assert.That(await emulator.GetWebhookDeliveriesAsync(), Has.Count.EqualTo(1));
                Assert.That(receiver.Pending, Is.EqualTo(1));
            });
        }

        [TestCase("https://example.com/hook")]
        [TestCase("http://10.0.0.1/hook")]
        public async Task A_webhook_url_off_this_machine_is_refused(string url)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var refused = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SetWebhookUrlAsync(new Uri(url)));

            Assert.That(refused!.Message, Does.Contain("loopback"));
        }

        [Test]
        public async Task An_unknown_customer_or_institution_is_refused_by_name()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var unknownCustomer = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SetOAuthStatusAsync("nobody", "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
            var unknownInstitution = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SetOAuthStatusAsync(id, "ins_999", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));

            Assert.Multiple(() =>
            {
                Assert.That(unknownCustomer!.Message, Does.Contain("404").And.Contain("nobody"));
                Assert.That(unknownInstitution!.Message, Does.Contain("404").And.Contain("ins_999"));
            });
        }
    }
}
