using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>
    /// Each delivery is signed exactly as Plaid API docs, Webhooks › Webhook verification, describe, with the key the
    /// emulator serves, before and after a rotation.
    /// </summary>
    public class WebhookDispatcherSignatureTests
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_171_717);

        [Test]
        public async Task The_signature_verifies_with_the_served_jwk_and_covers_the_exact_body()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var webhook = await receiver.NextAsync();

            var jws = new Jws(webhook.Verification);
            var key = (await emulator.CreateClient().GetWebhookVerificationKeyAsync((string)jws.Header["kid"]!)).Key!;
            var altered = webhook.Body.ToArray();
            altered[altered.Length - 3] ^= 0x01;
            Assert.Multiple(() =>
            {
                Assert.That(jws.VerifiesWith(key), Is.True, "the signature verifies with the served key");
                Assert.That((string)jws.Payload["request_body_sha256"]!, Is.EqualTo(Jws.Sha256Hex(webhook.Body)), "the hash is of the exact body bytes");
                Assert.That((string)jws.Payload["request_body_sha256"]!, Is.Not.EqualTo(Jws.Sha256Hex(altered)), "an altered body no longer matches");
                Assert.That(jws.WithTamperedSignature().VerifiesWith(key), Is.False, "a tampered signature fails");
            });
        }

        [Test]
        public async Task The_jwt_has_exactly_plaids_header_and_payload()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var jws = new Jws((await receiver.NextAsync()).Verification);

            Assert.Multiple(() =>
            {
                Assert.That(jws.HeaderJson, Is.EqualTo($"{{\"alg\":\"ES256\",\"kid\":\"{emulator.WebhookKeyId}\",\"typ\":\"JWT\"}}"));
                Assert.That(jws.Payload.Properties().Select(p => p.Name), Is.EqualTo(new[] { "iat", "request_body_sha256" }));
                Assert.That((long)jws.Payload["iat"]!, Is.EqualTo(Now.ToUnixTimeSeconds()));
                Assert.That((string)jws.Payload["request_body_sha256"]!, Does.Match("^[0-9a-f]{64}$"));
            });
        }

        [Test]
        public async Task After_rotation_new_webhooks_use_the_new_key_and_the_old_key_is_served_expired()
        {
            var clock = new FakeTimeProvider(Now);
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = clock });
            var client = emulator.CreateClient();
            var id = await CreateCustomerAsync(emulator);
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            var before = new Jws((await receiver.NextAsync()).Verification);
            var oldKid = emulator.WebhookKeyId;

            clock.SetUtcNow(Now.AddHours(1));
            var newKid = await emulator.RotateWebhookKeyAsync();
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var after = new Jws((await receiver.NextAsync()).Verification);

            var oldKey = (await client.GetWebhookVerificationKeyAsync(oldKid)).Key!;
            var newKey = (await client.GetWebhookVerificationKeyAsync(newKid)).Key!;
            Assert.Multiple(() =>
            {
                Assert.That(newKid, Is.Not.EqualTo(oldKid));
                Assert.That(emulator.WebhookKeyId, Is.EqualTo(newKid));
                Assert.That((string)before.Header["kid"]!, Is.EqualTo(oldKid));
                Assert.That((string)after.Header["kid"]!, Is.EqualTo(newKid));
                Assert.That(after.VerifiesWith(newKey), Is.True);
                Assert.That(after.VerifiesWith(oldKey), Is.False);
                Assert.That(before.VerifiesWith(oldKey), Is.True, "an old webhook still verifies with its (now expired) key");
                Assert.That(oldKey.CreatedAt, Is.EqualTo(Now.ToUnixTimeSeconds()));
                Assert.That(oldKey.ExpiredAt, Is.EqualTo(Now.AddHours(1).ToUnixTimeSeconds()));
                Assert.That(newKey.CreatedAt, Is.EqualTo(Now.AddHours(1).ToUnixTimeSeconds()));
                Assert.That(newKey.ExpiredAt, Is.Null);
                Assert.That((long)after.Payload["iat"]!, Is.EqualTo(Now.AddHours(1).ToUnixTimeSeconds()));
            });
        }

        private static Task<PlaidPartnerEmulator> StartAsync(WebhookReceiver receiver) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url, TimeProvider = new FakeTimeProvider(Now) });

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
    }
}
