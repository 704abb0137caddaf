using System;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Plaid.Partner.Testing
{
    /// <summary>One generated ES256 (P-256) key with its key id and lifetime in Unix seconds, as Plaid's JWKs carry them.</summary>
    internal sealed class SigningKey : IDisposable
    {
        private readonly ECDsa _ecdsa;

        public SigningKey(long createdAt)
        {
            _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            KeyId = Guid.NewGuid().ToString();
            Credentials = new SigningCredentials(new ECDsaSecurityKey(_ecdsa) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
            CreatedAt = createdAt;
        }

        /// <summary>A UUID, like the key ids Plaid uses.</summary>
        public string KeyId { get; }

        public SigningCredentials Credentials { get; }

        public long CreatedAt { get; }

        /// <summary>Set when the key is rotated out; Plaid keeps serving it with this <c>expired_at</c>.</summary>
        public long? ExpiredAt { get; set; }

        public JWKPublicKey ToPublicJwk()
        {
            var point = _ecdsa.ExportParameters(includePrivateParameters: false).Q;
            return new JWKPublicKey
            {
                Alg = SecurityAlgorithms.EcdsaSha256,
                Crv = "P-256",
                Kid = KeyId,
                Kty = "EC",
                Use = "sig",
                X = Base64UrlEncoder.Encode(point.X),
                Y = Base64UrlEncoder.Encode(point.Y),
                CreatedAt = CreatedAt,
                ExpiredAt = ExpiredAt,
            };
        }

        public void Dispose() => _ecdsa.Dispose();
    }
}
