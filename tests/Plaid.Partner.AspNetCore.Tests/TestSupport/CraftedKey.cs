using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>
    /// A P-256 key generated for one test that signs any header and payload, for the tokens PlaidWebhookSigner never
    /// makes (a wrong alg, no kid, no iat, no body hash); <see cref="KeyEndpointStub"/> serves its JWK.
    /// </summary>
    internal sealed class CraftedKey : IDisposable
    {
        private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public string KeyId { get; } = "crafted-" + Guid.NewGuid().ToString("N");

        public JsonObject Jwk()
        {
            var q = _key.ExportParameters(false).Q;
            return new JsonObject
            {
                ["alg"] = "ES256",
                ["created_at"] = 1560466150,
                ["crv"] = "P-256",
                ["expired_at"] = null,
                ["kid"] = KeyId,
                ["kty"] = "EC",
                ["use"] = "sig",
                ["x"] = Base64Url.EncodeToString(q.X!),
                ["y"] = Base64Url.EncodeToString(q.Y!),
            };
        }

        /// <summary>header.payload.signature with an ES256 signature by this key, whatever the header says.</summary>
        public string Sign(JsonObject header, JsonObject payload)
        {
            var input = Encode(header.ToJsonString()) + "." + Encode(payload.ToJsonString());
            var signature = _key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return input + "." + Base64Url.EncodeToString(signature);
        }

        public static string Sha256Hex(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

        public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

        public void Dispose() => _key.Dispose();
    }
}
