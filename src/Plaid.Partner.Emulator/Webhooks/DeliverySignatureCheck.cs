using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// Whether a delivered <c>Plaid-Verification</c> header verifies against the emulator's own key as a receiver would
    /// check it (Plaid API docs, Webhooks › Webhook verification): an ES256 JWT whose <c>kid</c> names a key of the
    /// ring and whose <c>request_body_sha256</c> is the SHA-256 of the exact body. The token's age is not judged: the
    /// console shows old deliveries too.
    /// </summary>
    internal static class DeliverySignatureCheck
    {
        private static readonly JsonWebTokenHandler Handler = new();

        public static async Task<SignatureVerdict> CheckAsync(EmulatorWebhookDelivery delivery, WebhookKeyRing keys)
        {
            if (string.IsNullOrEmpty(delivery.VerificationHeader))
            {
                return new SignatureVerdict(false, "not signed (never sent)");
            }

            var key = keys.Find(delivery.KeyId);
            if (key is null)
            {
                return new SignatureVerdict(false, "no emulator key has its kid");
            }

            var result = await Handler.ValidateTokenAsync(delivery.VerificationHeader, new TokenValidationParameters
            {
                IssuerSigningKey = key.SecurityKey,
                ValidAlgorithms = new[] { SecurityAlgorithms.EcdsaSha256 },
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false,
                RequireExpirationTime = false,
            }).ConfigureAwait(false);
            if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            {
                return new SignatureVerdict(false, "signature does not verify");
            }

            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(delivery.Body)));
            if (!token.TryGetPayloadValue<string>("request_body_sha256", out var hash) || !string.Equals(hash, expected, StringComparison.Ordinal))
            {
                return new SignatureVerdict(false, "request_body_sha256 does not match the body");
            }

            return new SignatureVerdict(true, key.ExpiredAt is null ? "verified" : "verified (key since rotated out)");
        }
    }

    /// <summary>The outcome of <see cref="DeliverySignatureCheck"/>, in words for the console.</summary>
    internal sealed record SignatureVerdict(bool Verified, string Summary);
}
