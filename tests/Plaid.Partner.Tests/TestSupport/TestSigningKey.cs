using System;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>A webhook signing key generated for one test (never a hard-coded key), with the JWK Plaid would serve for it.</summary>
    internal sealed class TestSigningKey : IDisposable
    {
        public TestSigningKey(string? keyId = null)
            : this(keyId, ECCurve.NamedCurves.nistP256)
        {
        }

        public TestSigningKey(string? keyId, ECCurve curve)
        {
            KeyId = keyId ?? Guid.NewGuid().ToString();
            Key = ECDsa.Create(curve);
        }

        public string KeyId { get; }

        public ECDsa Key { get; }

        /// <summary>The JWK's expired_at in Unix seconds (null: not rotated out).</summary>
        public long? ExpiredAt { get; set; }

        /// <summary>Lets a test serve a JWK whose members lie about the key.</summary>
        public Action<JObject>? EditJwk { get; set; }

        public JObject ToJwk()
        {
            var q = Key.ExportParameters(includePrivateParameters: false).Q;
            var jwk = new JObject
            {
                ["alg"] = "ES256",
                ["created_at"] = 1560466150,
                ["crv"] = "P-256",
                ["expired_at"] = ExpiredAt is long expiredAt ? new JValue(expiredAt) : JValue.CreateNull(),
                ["kid"] = KeyId,
                ["kty"] = "EC",
                ["use"] = "sig",
                ["x"] = TestJwt.Encode(q.X!),
                ["y"] = TestJwt.Encode(q.Y!),
            };
            EditJwk?.Invoke(jwk);
            return jwk;
        }

        /// <summary>A genuine Plaid-Verification value for <paramref name="body"/>, issued at <paramref name="issuedAt"/>.</summary>
        public string Sign(ReadOnlySpan<byte> body, DateTimeOffset issuedAt) =>
            TestJwt.SignEs256(Key, TestJwt.Header(KeyId), TestJwt.Payload(issuedAt, body));

        public void Dispose() => Key.Dispose();
    }
}
