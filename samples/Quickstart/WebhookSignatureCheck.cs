using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// The steps of seed 004 ("api webhooks webhook verification"), done the shortest way to show them: alg must be
    /// ES256, the kid's JWK comes from /webhook_verification_key/get, the signature must verify, iat must be at most
    /// 5 minutes old, and request_body_sha256 must equal the SHA-256 of the exact body bytes.
    /// </summary>
    /// <remarks>
    /// TODO(issue 5): replace this with the webhook verifier in Plaid.Partner.Webhooks once it is merged; it adds key
    /// caching (at most 24 h), refetching on an unknown kid, expired_at handling and typed errors. This class exists
    /// only so the quickstart can show a verified webhook before that lands.
    /// </remarks>
    internal static class WebhookSignatureCheck
    {
        private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

        /// <summary>Returns a one-line description of what was checked; throws InvalidOperationException saying what failed.</summary>
        public static async Task<string> VerifyAsync(PlaidPartnerClient client, byte[] body, string? jwt)
        {
            var parts = jwt?.Split('.');
            if (parts is not { Length: 3 })
            {
                throw new InvalidOperationException("The Plaid-Verification header is missing or is not a compact JWT.");
            }

            var header = JObject.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
            if ((string?)header["alg"] != "ES256")
            {
                throw new InvalidOperationException($"The JWT alg is '{header["alg"]}', not ES256.");
            }

            var kid = (string?)header["kid"] ?? throw new InvalidOperationException("The JWT header has no kid.");
            var key = (await client.GetWebhookVerificationKeyAsync(kid)).Key ?? throw new InvalidOperationException($"No key for kid {kid}.");
            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(key.X), Y = Base64Url.DecodeFromChars(key.Y) },
            });
            if (!ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256))
            {
                throw new InvalidOperationException($"The signature does not verify with key {kid}.");
            }

            var payload = JObject.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])));
            var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds((long?)payload["iat"] ?? 0);
            if (age > MaxAge)
            {
                throw new InvalidOperationException($"The webhook is {age.TotalMinutes:0} minutes old (iat); at most 5 are allowed.");
            }

            var claimed = Encoding.ASCII.GetBytes((string?)payload["request_body_sha256"] ?? string.Empty);
            var actual = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(body)));
            if (!CryptographicOperations.FixedTimeEquals(claimed, actual))
            {
                throw new InvalidOperationException("request_body_sha256 does not match the body.");
            }

            return $"ES256 signature verified with kid {kid[..8]}…, iat {age.TotalSeconds:0} s old, body sha256 matches";
        }
    }
}
