using System;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>One ES256 (P-256) webhook signing key with its Plaid key id and lifetime in Unix seconds.</summary>
    internal sealed class SigningKey : IDisposable
    {
        private readonly ECDsa _ecdsa;

        public SigningKey(long createdAt)
        {
            _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            KeyId = Guid.NewGuid().ToString();
            SecurityKey = new ECDsaSecurityKey(_ecdsa) { KeyId = KeyId };
            CreatedAt = createdAt;
        }

        /// <summary>A UUID, like seed 004's <c>bfbd5111-8e33-4643-8ced-b2e642a72f3c</c>.</summary>
        public string KeyId { get; }

        public ECDsaSecurityKey SecurityKey { get; }

        public long CreatedAt { get; }

        public long? ExpiredAt { get; set; }

        public void Dispose() => _ecdsa.Dispose();
    }
}
