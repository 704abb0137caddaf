using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>What the console says of a delivery's signature: each way a signature can fail to verify is named.</summary>
    public class DeliverySignatureCheckTests
    {
        private const string Body = "{\n  \"webhook_type\": \"PARTNER\"\n}";

        [Test]
        public async Task A_delivery_signed_with_the_current_key_verifies()
        {
            using var keys = new WebhookKeyRing(TimeProvider.System);

            var verdict = await DeliverySignatureCheck.CheckAsync(Signed(Body, keys), keys);

            Assert.That(verdict, Is.EqualTo(new SignatureVerdict(true, "verified")));
        }

        [Test]
        public async Task A_delivery_signed_before_a_rotation_verifies_and_says_so()
        {
            using var keys = new WebhookKeyRing(TimeProvider.System);
            var delivery = Signed(Body, keys);
            keys.Rotate();

            var verdict = await DeliverySignatureCheck.CheckAsync(delivery, keys);

            Assert.That(verdict, Is.EqualTo(new SignatureVerdict(true, "verified (key since rotated out)")));
        }

        [Test]
        public async Task A_changed_body_does_not_match_its_hash()
        {
            using var keys = new WebhookKeyRing(TimeProvider.System);
            var signed = Signed(Body, keys);
            var tampered = new EmulatorWebhookDelivery { Url = signed.Url, Body = Body + " ", VerificationHeader = signed.VerificationHeader, KeyId = signed.KeyId };

            var verdict = await DeliverySignatureCheck.CheckAsync(tampered, keys);

            Assert.That(verdict, Is.EqualTo(new SignatureVerdict(false, "request_body_sha256 does not match the body")));
        }

        [Test]
        public async Task A_signature_by_another_key_does_not_verify()
        {
            using var keys = new WebhookKeyRing(TimeProvider.System);
            using var stranger = new Plaid.Partner.Testing.PlaidWebhookSigner();
            var header = stranger.Sign(Encoding.UTF8.GetBytes(Body));
            var forged = new EmulatorWebhookDelivery { Url = new Uri("http://127.0.0.1/"), Body = Body, VerificationHeader = header, KeyId = keys.CurrentKeyId };

            var verdict = await DeliverySignatureCheck.CheckAsync(forged, keys);

            Assert.That(verdict, Is.EqualTo(new SignatureVerdict(false, "signature does not verify")));
        }

        [Test]
        public async Task An_unknown_kid_or_no_signature_is_named()
        {
            using var keys = new WebhookKeyRing(TimeProvider.System);
            var signed = Signed(Body, keys);
            var unknownKid = new EmulatorWebhookDelivery { Url = signed.Url, Body = Body, VerificationHeader = signed.VerificationHeader, KeyId = Guid.NewGuid().ToString() };
            var unsent = new EmulatorWebhookDelivery { Url = signed.Url, Body = Body, Error = "the emulator is stopping" };

            var unknown = await DeliverySignatureCheck.CheckAsync(unknownKid, keys);
            var none = await DeliverySignatureCheck.CheckAsync(unsent, keys);

            Assert.Multiple(() =>
            {
                Assert.That(unknown, Is.EqualTo(new SignatureVerdict(false, "no emulator key has its kid")));
                Assert.That(none, Is.EqualTo(new SignatureVerdict(false, "not signed (never sent)")));
            });
        }

        [Test]
        public async Task A_delivery_records_when_it_was_sent_by_the_emulators_clock()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = clock });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

            Assert.That(delivery!.SentAt, Is.EqualTo(clock.GetUtcNow()));
        }

        private static EmulatorWebhookDelivery Signed(string body, WebhookKeyRing keys)
        {
            var (header, keyId) = keys.Sign(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow);
            return new EmulatorWebhookDelivery { Url = new Uri("http://127.0.0.1/"), Body = body, VerificationHeader = header, KeyId = keyId };
        }
    }
}
