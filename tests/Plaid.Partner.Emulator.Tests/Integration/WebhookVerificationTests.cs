using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Emulator.Tests.Integration
{
    /// <summary>
    /// End to end: webhooks the emulator signs and sends over loopback are checked by the library's
    /// <see cref="PlaidWebhookVerifier"/>, which fetches the emulator's key from <c>/webhook_verification_key/get</c>
    /// through <see cref="PlaidPartnerClient"/>. The emulator and the verifier each get a clock the test sets.
    /// </summary>
    public class WebhookVerificationTests
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_171_717);

        [Test]
        public async Task A_webhook_is_accepted_as_sent_and_rejected_once_one_body_byte_changes()
        {
            var clock = new FakeTimeProvider(Now);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver, clock);
            var id = await CreateCustomerAsync(emulator);
            var verifier = Verifier(emulator, clock);

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var webhook = await receiver.NextAsync();
            var header = PlaidVerificationHeader.Find(webhook.Headers);
            var accepted = await verifier.VerifyAsync(webhook.Body, header);
            var altered = (byte[])webhook.Body.Clone();
            altered[altered.Length / 2] ^= 0x01;
            var rejected = await verifier.VerifyAsync(altered, header);

            Assert.Multiple(() =>
            {
                Assert.That(accepted.IsVerified, Is.True, accepted.ToString());
                Assert.That(accepted.KeyId, Is.EqualTo(emulator.WebhookKeyId));
                Assert.That(accepted.IssuedAt, Is.EqualTo(Now));
                Assert.That(PlaidWebhookParser.Parse(webhook.Body), Is.InstanceOf<PartnerEndCustomerOAuthStatusUpdatedWebhook>()
                    .With.Property(nameof(PartnerEndCustomerOAuthStatusUpdatedWebhook.EndCustomerClientId)).EqualTo(id)
                    .And.Property(nameof(PartnerEndCustomerOAuthStatusUpdatedWebhook.Status)).EqualTo(PartnerEndCustomerOAuthStatusUpdatedValues.Approved));
                Assert.That(rejected.IsVerified, Is.False);
                Assert.That(rejected.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.BodyHashMismatch));
            });
        }

        [Test]
        public async Task A_verifier_for_another_emulator_does_not_know_the_key()
        {
            var clock = new FakeTimeProvider(Now);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver, clock);
            await using var other = await PlaidPartnerEmulator.StartAsync();
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var webhook = await receiver.NextAsync();
            var result = await Verifier(other, clock).VerifyAsync(webhook.Body, PlaidVerificationHeader.Find(webhook.Headers));

            Assert.That(result.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyNotFound), "the key comes from the emulator the client points at");
        }

        [Test]
        public async Task After_rotation_the_new_keys_webhooks_verify_and_the_old_key_expires_for_a_verifier_that_cached_it()
        {
            var emulatorClock = new FakeTimeProvider(Now);
            var verifierClock = new FakeTimeProvider(Now);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver, emulatorClock);
            var id = await CreateCustomerAsync(emulator);
            var verifier = Verifier(emulator, verifierClock);
            var oldKid = emulator.WebhookKeyId;
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            var old = await receiver.NextAsync();
            var oldBeforeRotation = await verifier.VerifyAsync(old.Body, PlaidVerificationHeader.Find(old.Headers)); // caches the old key, not expired

            emulatorClock.SetUtcNow(Now.AddSeconds(60));
            verifierClock.SetUtcNow(Now.AddSeconds(60));
            var newKid = await emulator.RotateWebhookKeyAsync();
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var fresh = await receiver.NextAsync();
            // An unknown kid makes the verifier fetch it and refetch the cached keys not yet expired (Plaid API docs, Webhooks › Webhook verification).
            var freshResult = await verifier.VerifyAsync(fresh.Body, PlaidVerificationHeader.Find(fresh.Headers));
            var oldAfterRotation = await verifier.VerifyAsync(old.Body, PlaidVerificationHeader.Find(old.Headers));

            Assert.Multiple(() =>
            {
                Assert.That(oldBeforeRotation.IsVerified, Is.True, oldBeforeRotation.ToString());
                Assert.That(oldBeforeRotation.KeyId, Is.EqualTo(oldKid));
                Assert.That(freshResult.IsVerified, Is.True, freshResult.ToString());
                Assert.That(freshResult.KeyId, Is.EqualTo(newKid).And.Not.EqualTo(oldKid));
                Assert.That(freshResult.IssuedAt, Is.EqualTo(Now.AddSeconds(60)));
                Assert.That(oldAfterRotation.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyExpired));
                Assert.That(oldAfterRotation.KeyId, Is.EqualTo(oldKid));
            });
        }

        [Test]
        public async Task A_rotated_out_keys_webhook_verifies_until_its_expired_at_and_not_from_then_on()
        {
            var emulatorClock = new FakeTimeProvider(Now);
            var verifierClock = new FakeTimeProvider(Now);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver, emulatorClock);
            var id = await CreateCustomerAsync(emulator);
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            var old = await receiver.NextAsync();
            emulatorClock.SetUtcNow(Now.AddSeconds(60));
            await emulator.RotateWebhookKeyAsync(); // the old key's expired_at is Now + 60 s
            var verifier = Verifier(emulator, verifierClock);

            verifierClock.SetUtcNow(Now.AddSeconds(59));
            var justBefore = await verifier.VerifyAsync(old.Body, PlaidVerificationHeader.Find(old.Headers));
            verifierClock.SetUtcNow(Now.AddSeconds(60));
            var atExpiry = await verifier.VerifyAsync(old.Body, PlaidVerificationHeader.Find(old.Headers));

            Assert.Multiple(() =>
            {
                Assert.That(justBefore.IsVerified, Is.True, justBefore.ToString());
                Assert.That(atExpiry.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyExpired));
            });
        }

        private static PlaidWebhookVerifier Verifier(PlaidPartnerEmulator emulator, TimeProvider clock) =>
            new(emulator.CreateClient(), new PlaidWebhookVerifierOptions { TimeProvider = clock });

        private static Task<PlaidPartnerEmulator> StartAsync(WebhookReceiver receiver, TimeProvider clock) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = clock });

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
    }
}
