using System;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// Signs a webhook body as Plaid does (seed 004, <c>api webhooks webhook verification</c>): a JWT with header
    /// <c>{"alg":"ES256","kid":…,"typ":"JWT"}</c> and payload <c>{"iat":…,"request_body_sha256":…}</c>, the hash being
    /// the lower-case hex SHA-256 of the exact body bytes. The JOSE work is Microsoft.IdentityModel's.
    /// </summary>
    internal static class WebhookSigner
    {
        // No exp/nbf: Plaid's payload has exactly iat and request_body_sha256.
        private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

        public static string Sign(ReadOnlySpan<byte> body, SigningKey key, long issuedAt)
        {
            var payload = new JObject
            {
                ["iat"] = issuedAt,
                ["request_body_sha256"] = Convert.ToHexStringLower(SHA256.HashData(body)),
            };
            return Handler.CreateToken(payload.ToString(Formatting.None), new SigningCredentials(key.SecurityKey, SecurityAlgorithms.EcdsaSha256));
        }
    }
}
