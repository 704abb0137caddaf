using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// The emulator's webhook signing keys: one current key, and every key rotated out, still served with its
    /// <c>expired_at</c> so a verifier can see that it expired (seed 004: "refetch any keys … not yet expired").
    /// </summary>
    internal sealed class WebhookKeyRing : IDisposable
    {
        private readonly object _gate = new();
        private readonly List<SigningKey> _keys = new();
        private readonly TimeProvider _time;
        private SigningKey _current;

        public WebhookKeyRing(TimeProvider time)
        {
            _time = time;
            _current = new SigningKey(Now());
            _keys.Add(_current);
        }

        public SigningKey Current
        {
            get
            {
                lock (_gate)
                {
                    return _current;
                }
            }
        }

        /// <summary>Expires the current key now and signs with a new one from now on.</summary>
        public (string NewKeyId, string ExpiredKeyId) Rotate()
        {
            lock (_gate)
            {
                var now = Now();
                var expired = _current;
                expired.ExpiredAt = now;
                _current = new SigningKey(now);
                _keys.Add(_current);
                return (_current.KeyId, expired.KeyId);
            }
        }

        /// <summary>The key <paramref name="keyId"/> names (current or rotated out), or null.</summary>
        public SigningKey? Find(string keyId)
        {
            lock (_gate)
            {
                return _keys.FirstOrDefault(k => k.KeyId == keyId);
            }
        }

        /// <summary>The public JWK for <paramref name="keyId"/> in the shape of the contract's <c>JWKPublicKey</c>, or null.</summary>
        public JObject? FindPublicJwk(string keyId)
        {
            lock (_gate)
            {
                var key = _keys.FirstOrDefault(k => k.KeyId == keyId);
                if (key is null)
                {
                    return null;
                }

                var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key.SecurityKey);
                return new JObject
                {
                    ["alg"] = SecurityAlgorithms.EcdsaSha256,
                    ["created_at"] = key.CreatedAt,
                    ["crv"] = jwk.Crv,
                    ["expired_at"] = key.ExpiredAt is { } expiredAt ? new JValue(expiredAt) : JValue.CreateNull(),
                    ["kid"] = key.KeyId,
                    ["kty"] = jwk.Kty,
                    ["use"] = "sig",
                    ["x"] = jwk.X,
                    ["y"] = jwk.Y,
                };
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                foreach (var key in _keys)
                {
                    key.Dispose();
                }
            }
        }

        private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();
    }
}
