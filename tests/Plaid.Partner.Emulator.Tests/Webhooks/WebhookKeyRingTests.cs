using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>The ring over PlaidWebhookSigner: who signed, what rotation does, and keys a signature checker can use.</summary>
    public class WebhookKeyRingTests
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_717_171_717);

        private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\n  \"webhook_type\": \"PARTNER\"\n}");

        [Test]
        public async Task A_signature_validates_with_the_key_Find_returns_before_and_after_rotation()
        {
            using var ring = new WebhookKeyRing(new FakeTimeProvider(Now));
            var (before, oldKeyId) = ring.Sign(Body, Now);

            var (newKeyId, expiredKeyId) = ring.Rotate();
            var (after, signedBy) = ring.Sign(Body, Now);
            var oldKey = ring.Find(oldKeyId)!;
            var newKey = ring.Find(newKeyId)!;

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(expiredKeyId, Is.EqualTo(oldKeyId));
                Assert.That(signedBy, Is.EqualTo(newKeyId));
                Assert.That(ring.CurrentKeyId, Is.EqualTo(newKeyId));
                Assert.That(oldKey.ExpiredAt, Is.EqualTo(Now.ToUnixTimeSeconds()));
                Assert.That(newKey.ExpiredAt, Is.Null);
                Assert.That(ring.Find("never-made"), Is.Null);
                Assert.That(await ValidatesAsync(before, oldKey.SecurityKey), Is.True, "an old delivery still verifies with its rotated-out key");
                Assert.That(await ValidatesAsync(after, newKey.SecurityKey), Is.True);
                Assert.That(await ValidatesAsync(after, oldKey.SecurityKey), Is.False);
            });
        }

        private static async Task<bool> ValidatesAsync(string token, SecurityKey key) =>
            (await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKey = key,
                ValidAlgorithms = new[] { SecurityAlgorithms.EcdsaSha256 },
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false,
                RequireExpirationTime = false,
            })).IsValid;
    }
}
