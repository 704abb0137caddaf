using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// A Plaid webhook key (an EC P-256 JWK) ready to check ES256 signatures with the platform's <see cref="ECDsa"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="ECDsa"/> instances are not documented as thread-safe, so verifications rent one from a small pool
    /// instead of sharing one or importing the key each time (importing costs about as much as verifying).
    /// </remarks>
    internal sealed class WebhookSigningKey
    {
        private const int CoordinateLength = 32;

        private static readonly int MaxPooled = Math.Max(2, Environment.ProcessorCount * 2);

        private readonly ECParameters _parameters;
        private readonly ConcurrentBag<ECDsa> _pool = new();

        // Counted apart because ConcurrentBag.Count takes every thread's lock.
        private int _pooled;

        private WebhookSigningKey(string keyId, long? expiredAt, ECParameters parameters, ECDsa first)
        {
            KeyId = keyId;
            ExpiredAt = expiredAt;
            _parameters = parameters;
            _pool.Add(first);
            _pooled = 1;
        }

        public string KeyId { get; }

        /// <summary>The JWK's <c>expired_at</c> (Unix seconds), as Plaid last reported it.</summary>
        public long? ExpiredAt { get; }

        /// <summary>True once <see cref="ExpiredAt"/> has passed: Plaid rotated this key out.</summary>
        public bool IsExpiredAt(DateTimeOffset now) => ExpiredAt is long expiredAt && expiredAt <= now.ToUnixTimeSeconds();

        /// <summary>Checks that <paramref name="jwk"/> is an ES256 signing key for <paramref name="requestedKeyId"/> and imports it.</summary>
        /// <returns>The key, or null and why it cannot be used.</returns>
        public static WebhookSigningKey? TryCreate(JWKPublicKey jwk, string requestedKeyId, out string problem)
        {
            problem = string.Empty;
            if (!string.Equals(jwk.Kty, "EC", StringComparison.Ordinal))
            {
                problem = $"the JWK kty is {UntrustedText.Quote(jwk.Kty)}, not \"EC\"";
                return null;
            }

            if (!string.Equals(jwk.Crv, "P-256", StringComparison.Ordinal))
            {
                problem = $"the JWK crv is {UntrustedText.Quote(jwk.Crv)}, not \"P-256\"";
                return null;
            }

            if (jwk.Alg is not null && !string.Equals(jwk.Alg, CompactJws.RequiredAlgorithm, StringComparison.Ordinal))
            {
                problem = $"the JWK alg is {UntrustedText.Quote(jwk.Alg)}, not \"{CompactJws.RequiredAlgorithm}\"";
                return null;
            }

            if (jwk.Use is not null && !string.Equals(jwk.Use, "sig", StringComparison.Ordinal))
            {
                problem = $"the JWK use is {UntrustedText.Quote(jwk.Use)}, not \"sig\"";
                return null;
            }

            if (!string.Equals(jwk.Kid, requestedKeyId, StringComparison.Ordinal))
            {
                problem = $"Plaid answered key_id {UntrustedText.Quote(requestedKeyId)} with a JWK whose kid is {UntrustedText.Quote(jwk.Kid)}";
                return null;
            }

            if (!TryCoordinate(jwk.X, out var x) || !TryCoordinate(jwk.Y, out var y))
            {
                problem = "the JWK x and y must each be 32 bytes of base64url (a P-256 coordinate)";
                return null;
            }

            var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };
            ECDsa ecdsa;
            try
            {
                // The platform checks the point is on the curve, which stops invalid-curve keys.
                ecdsa = ECDsa.Create(parameters);
            }
            catch (CryptographicException)
            {
                problem = "the JWK x and y are not a point on P-256";
                return null;
            }

            return new WebhookSigningKey(requestedKeyId, jwk.ExpiredAt, parameters, ecdsa);
        }

        /// <summary>Verifies an ES256 signature (r||s, 64 bytes, as JWS encodes it) over <paramref name="data"/>.</summary>
        public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
        {
            ECDsa ecdsa;
            if (_pool.TryTake(out var pooled))
            {
                Interlocked.Decrement(ref _pooled);
                ecdsa = pooled;
            }
            else
            {
                ecdsa = ECDsa.Create(_parameters);
            }

            try
            {
#if NETSTANDARD2_0
                // netstandard2.0 has no DSASignatureFormat; VerifyHash takes the IEEE P1363 form (r||s) on every framework.
                return ecdsa.VerifyHash(SHA256.HashData(data), signature.ToArray());
#else
                return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
#endif
            }
            finally
            {
                if (Interlocked.Increment(ref _pooled) <= MaxPooled)
                {
                    _pool.Add(ecdsa);
                }
                else
                {
                    Interlocked.Decrement(ref _pooled);
                    ecdsa.Dispose();
                }
            }
        }

        private static bool TryCoordinate(string? text, out byte[] coordinate)
        {
            coordinate = Array.Empty<byte>();
            return text is not null && StrictBase64Url.TryDecode(text.AsSpan(), out coordinate) && coordinate.Length == CoordinateLength;
        }
    }
}
