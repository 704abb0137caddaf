using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Testing
{
    /// <summary>
    /// Signs webhook bodies the way Plaid does, so a receiver can be tested without Plaid or the emulator: the
    /// <c>Plaid-Verification</c> value is a compact JWT with header <c>{"alg":"ES256","kid":…,"typ":"JWT"}</c> and payload
    /// <c>{"iat":…,"request_body_sha256":…}</c>, the hash being the lower-case hex SHA-256 of the exact body bytes
    /// (Plaid API docs, Webhooks › Webhook verification). Its public keys are served by
    /// <see cref="CreateKeyEndpointHandler"/> in the shape of <c>/webhook_verification_key/get</c>.
    /// </summary>
    /// <remarks>
    /// Keys are generated in memory for each signer (never a fixed key). Thread-safe. Dispose it after the test.
    /// </remarks>
    /// <example>
    /// <code>
    /// using var signer = new PlaidWebhookSigner();
    /// var client = new PlaidPartnerClient(new HttpClient(signer.CreateKeyEndpointHandler()), options);
    /// var verifier = new PlaidWebhookVerifier(client);
    /// var result = await verifier.VerifyAsync(body, signer.Sign(body));   // verified
    /// </code>
    /// </example>
    public sealed class PlaidWebhookSigner : IDisposable
    {
        private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };

        private readonly object _gate = new();
        private readonly List<SigningKey> _keys = new();
        private readonly TimeProvider _time;
        private SigningKey _current;
        private bool _disposed;

        /// <summary>Creates a signer with one new key, timed by the system clock.</summary>
        public PlaidWebhookSigner()
            : this(TimeProvider.System)
        {
        }

        /// <summary>Creates a signer with one new key.</summary>
        /// <param name="timeProvider">
        /// The clock for <c>iat</c> and the keys' <c>created_at</c> / <c>expired_at</c>; pass the verifier's fake clock so
        /// both agree on "now".
        /// </param>
        /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
        public PlaidWebhookSigner(TimeProvider timeProvider)
        {
            _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
            _current = new SigningKey(Now());
            _keys.Add(_current);
        }

        /// <summary>The <c>kid</c> that <see cref="Sign(ReadOnlySpan{byte})"/> signs with now.</summary>
        public string CurrentKeyId
        {
            get
            {
                lock (_gate)
                {
                    ThrowIfDisposed();
                    return _current.KeyId;
                }
            }
        }

        /// <summary>Signs <paramref name="body"/> with the current key, issued now.</summary>
        /// <param name="body">The exact bytes the receiver will get.</param>
        /// <returns>The <c>Plaid-Verification</c> header value.</returns>
        public string Sign(ReadOnlySpan<byte> body) => Sign(body, _time.GetUtcNow());

        /// <summary>Signs the UTF-8 bytes of <paramref name="body"/> with the current key, issued now.</summary>
        /// <param name="body">The body text; the receiver must get exactly its UTF-8 bytes.</param>
        /// <returns>The <c>Plaid-Verification</c> header value.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
        public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))));

        /// <summary>
        /// Signs <paramref name="body"/> with the current key as if issued at <paramref name="issuedAt"/>: in the past to
        /// test that a receiver refuses a replay older than five minutes, in the future to test clock skew.
        /// </summary>
        /// <param name="body">The exact bytes the receiver will get.</param>
        /// <param name="issuedAt">The <c>iat</c> claim (whole seconds are kept).</param>
        /// <returns>The <c>Plaid-Verification</c> header value.</returns>
        public string Sign(ReadOnlySpan<byte> body, DateTimeOffset issuedAt)
        {
            var payload = string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"iat\":{issuedAt.ToUnixTimeSeconds()},\"request_body_sha256\":\"{Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant()}\"}}");
            lock (_gate)
            {
                ThrowIfDisposed();
                return Tokens.CreateToken(payload, _current.Credentials);
            }
        }

        /// <summary>
        /// A signed webhook delivery: <c>POST <paramref name="requestUri"/></c> with <paramref name="body"/> as
        /// <c>application/json</c> and its <c>Plaid-Verification</c> header, for an <c>HttpClient</c> pointed at the receiver
        /// (a TestServer, WebApplicationFactory or a real server).
        /// </summary>
        /// <param name="requestUri">The receiver's webhook path or URL, e.g. <c>/plaid/webhooks</c>.</param>
        /// <param name="body">The exact bytes to send.</param>
        /// <returns>The request; the caller sends and disposes it.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public HttpRequestMessage CreateRequest(string requestUri, byte[] body)
        {
            if (requestUri is null)
            {
                throw new ArgumentNullException(nameof(requestUri));
            }

            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(PlaidVerificationHeader.Name, Sign(body));
            return request;
        }

        /// <summary>A signed webhook delivery of the UTF-8 bytes of <paramref name="body"/>; see <see cref="CreateRequest(string, byte[])"/>.</summary>
        /// <param name="requestUri">The receiver's webhook path or URL.</param>
        /// <param name="body">The body text.</param>
        /// <returns>The request; the caller sends and disposes it.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public HttpRequestMessage CreateRequest(string requestUri, string body) =>
            CreateRequest(requestUri, Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))));

        /// <summary>
        /// Rotates the signing key as Plaid does: the current key gets <c>expired_at</c> = now and stays served, and a
        /// new key signs from now on. A verifier refuses what the old key signs afterwards (<c>KeyExpired</c>) once it
        /// has seen the new <c>kid</c> and refetched the old key.
        /// </summary>
        /// <returns>The new key's <c>kid</c>.</returns>
        public string RotateKey()
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                var now = Now();
                _current.ExpiredAt = now;
                _current = new SigningKey(now);
                _keys.Add(_current);
                return _current.KeyId;
            }
        }

        /// <summary>The public JWK for <paramref name="keyId"/>, current or rotated out, as Plaid's key endpoint returns it.</summary>
        /// <param name="keyId">A <c>kid</c> this signer made.</param>
        /// <returns>The key, or null when this signer never made <paramref name="keyId"/>.</returns>
        public JWKPublicKey? GetPublicKey(string keyId)
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                foreach (var key in _keys)
                {
                    if (string.Equals(key.KeyId, keyId, StringComparison.Ordinal))
                    {
                        return key.ToPublicJwk();
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// A handler that answers <c>POST …/webhook_verification_key/get</c> with this signer's keys as Plaid does (an
        /// unknown <c>key_id</c> gets HTTP 400 <c>INVALID_WEBHOOK_VERIFICATION_KEY_ID</c>; any other path HTTP 404), for
        /// <c>new PlaidPartnerClient(new HttpClient(handler), options)</c> or
        /// <c>services.AddPlaidPartner(…).ConfigurePrimaryHttpMessageHandler(() =&gt; signer.CreateKeyEndpointHandler())</c>.
        /// </summary>
        /// <returns>A new handler; it serves the keys of this signer as they are when each request arrives.</returns>
        public HttpMessageHandler CreateKeyEndpointHandler() => new KeyEndpointHandler(this);

        /// <summary>Disposes every key; the signer and its handlers cannot be used afterwards.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                foreach (var key in _keys)
                {
                    key.Dispose();
                }
            }
        }

        private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(PlaidWebhookSigner));
            }
        }
    }
}
