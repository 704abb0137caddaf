using System;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Testing;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// The emulator's webhook signing keys: one current key, and every key rotated out, still served with its
    /// <c>expired_at</c> so a verifier can see that it expired (Plaid API docs, Webhooks › Webhook verification). The
    /// keys and the signing are the public <see cref="PlaidWebhookSigner"/>'s, the same that receivers test with.
    /// </summary>
    internal sealed class WebhookKeyRing : IDisposable
    {
        private readonly object _gate = new();
        private readonly PlaidWebhookSigner _signer;

        public WebhookKeyRing(TimeProvider time)
        {
            _signer = new PlaidWebhookSigner(time);
        }

        public string CurrentKeyId => _signer.CurrentKeyId;

        /// <summary>Signs <paramref name="body"/> with the current key, issued at <paramref name="issuedAt"/>; the key id is the one that signed, even mid-rotation.</summary>
        public (string Signature, string KeyId) Sign(ReadOnlySpan<byte> body, DateTimeOffset issuedAt)
        {
            lock (_gate)
            {
                return (_signer.Sign(body, issuedAt), _signer.CurrentKeyId);
            }
        }

        /// <summary>Expires the current key now and signs with a new one from now on.</summary>
        public (string NewKeyId, string ExpiredKeyId) Rotate()
        {
            lock (_gate)
            {
                var expired = _signer.CurrentKeyId;
                return (_signer.RotateKey(), expired);
            }
        }

        /// <summary>The public key <paramref name="keyId"/> names (current or rotated out), to check signatures with, or null.</summary>
        public RingKey? Find(string keyId) =>
            _signer.GetPublicKey(keyId) is { } key ? new RingKey(new JsonWebKey(PublicJwkJson.Write(key).ToJsonString()), key.ExpiredAt) : null;

        /// <summary>The public JWK for <paramref name="keyId"/> in the shape of the contract's <c>JWKPublicKey</c>, or null.</summary>
        public JObject? FindPublicJwk(string keyId) =>
            _signer.GetPublicKey(keyId) is { } key ? JObject.Parse(PublicJwkJson.Write(key).ToJsonString()) : null;

        public void Dispose() => _signer.Dispose();
    }

    /// <summary>A ring key as a signature checker needs it: the IdentityModel public key and, once rotated out, <c>expired_at</c>.</summary>
    internal sealed record RingKey(SecurityKey SecurityKey, long? ExpiredAt);
}
