using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>Builds compact JWS tokens the way Plaid signs webhooks, and the malformed ones a forger would try.</summary>
    internal static class TestJwt
    {
        public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

        public static string Encode(string json) => Encode(Encoding.UTF8.GetBytes(json));

        public static string Header(string? keyId, string algorithm = "ES256")
        {
            var header = new JObject { ["alg"] = algorithm };
            if (keyId is not null)
            {
                header["kid"] = keyId;
            }

            header["typ"] = "JWT";
            return header.ToString(Formatting.None);
        }

        public static string Payload(DateTimeOffset issuedAt, ReadOnlySpan<byte> body) =>
            new JObject { ["iat"] = issuedAt.ToUnixTimeSeconds(), ["request_body_sha256"] = Sha256Hex(body) }.ToString(Formatting.None);

        public static string Sha256Hex(ReadOnlySpan<byte> body) => Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();

        public static string SignEs256(ECDsa key, string headerJson, string payloadJson) =>
            Compact(headerJson, payloadJson, input => key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        /// <summary>header.payload.signature, with <paramref name="sign"/> given the ASCII signing input.</summary>
        public static string Compact(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
        {
            var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
            return signingInput + "." + Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
        }
    }
}
