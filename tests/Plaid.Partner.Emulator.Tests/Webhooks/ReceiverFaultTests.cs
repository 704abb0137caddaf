using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>
    /// The receiver faults Plaid's webhook guide tells receivers to expect, on demand: the same webhook twice, two out
    /// of order, and a past one again.
    /// </summary>
    public class ReceiverFaultTests
    {
        private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [Test]
        public async Task Send_twice_sends_the_same_signed_request_again_right_after_the_first()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SendNextWebhooksTwiceAsync(1);
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.SetOAuthStatusAsync(id, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var received = new[] { await receiver.NextAsync(), await receiver.NextAsync(), await receiver.NextAsync() };
            await emulator.AdvanceClockAsync(TimeSpan.Zero);
            var deliveries = await emulator.GetWebhookDeliveriesAsync();

            Assert.Multiple(() =>
            {
                Assert.That(received.Select(r => (string)r.Json["institution_id"]!), Is.EqualTo(new[] { "ins_56", "ins_56", "ins_1" }), "only the next one is doubled");
                Assert.That(received[1].Text, Is.EqualTo(received[0].Text));
                Assert.That(received[1].Verification, Is.EqualTo(received[0].Verification), "a duplicate is the same request, token and all");
                Assert.That(deliveries, Has.Count.EqualTo(3));
                Assert.That(deliveries[1].CopyOf, Is.EqualTo(deliveries[0].Id));
                Assert.That(deliveries, Has.All.Property(nameof(EmulatorWebhookDelivery.Delivered)).True);
            });
        }

        [Test]
        public async Task Hold_next_sends_the_held_webhook_after_the_one_that_follows_it()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);

            await emulator.HoldNextWebhookAsync();
            var held = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            var pendingBeforeNext = receiver.Pending;
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var received = new[] { await receiver.NextAsync(), await receiver.NextAsync() };
            await emulator.AdvanceClockAsync(TimeSpan.Zero);
            var deliveries = await emulator.GetWebhookDeliveriesAsync();

            Assert.Multiple(() =>
            {
                Assert.That(held!.State, Is.EqualTo(EmulatorWebhookDeliveryState.Held));
                Assert.That(held.Attempts, Is.Empty);
                Assert.That(pendingBeforeNext, Is.Zero, "nothing is sent while it is held");
                Assert.That(received.Select(r => (string)r.Json["status"]!), Is.EqualTo(new[] { "approved", "processing" }), "the older change arrives last");
                Assert.That(deliveries.Single(d => d.Id == held.Id).Delivered, Is.True);
            });
        }

        [Test]
        public async Task Resend_sends_a_past_deliverys_body_again_signed_anew()
        {
            var clock = new FakeTimeProvider(T0);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = clock });
            var id = await CreateCustomerAsync(emulator);
            var original = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var first = await receiver.NextAsync();

            await emulator.AdvanceClockAsync(TimeSpan.FromHours(3));
            var again = await emulator.ResendWebhookAsync(original!.Id);
            var second = await receiver.NextAsync();

            Assert.Multiple(() =>
            {
                Assert.That(second.Text, Is.EqualTo(first.Text));
                Assert.That(second.Verification, Is.Not.EqualTo(first.Verification));
                Assert.That(again.Id, Is.Not.EqualTo(original.Id));
                Assert.That(again.CopyOf, Is.EqualTo(original.Id));
                Assert.That(again.SentAt, Is.EqualTo(T0.AddHours(3)));
                Assert.That(again.Delivered, Is.True);
            });
        }

        [Test]
        public async Task Resending_an_unknown_delivery_is_refused_by_name()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver.Url);

            var refused = Assert.ThrowsAsync<InvalidOperationException>(() => emulator.ResendWebhookAsync("wh_999999"));

            Assert.That(refused!.Message, Does.Contain("wh_999999"));
        }

        private static Task<PlaidPartnerEmulator> StartAsync(Uri webhookUrl) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = webhookUrl, TimeProvider = new FakeTimeProvider(T0) });

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
    }
}
