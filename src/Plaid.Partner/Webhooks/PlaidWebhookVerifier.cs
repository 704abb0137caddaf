using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Proves a webhook came from Plaid, as Plaid API docs, Webhooks › Webhook verification, describe: the <c>Plaid-Verification</c>
    /// header is an ES256 JWT whose key is fetched by <c>kid</c> from <c>/webhook_verification_key/get</c>, issued at most
    /// five minutes ago, whose <c>request_body_sha256</c> is the SHA-256 of the body's exact bytes.
    /// </summary>
    /// <remarks>
    /// Thread-safe. Create one per <see cref="PlaidPartnerClient"/> and keep it for the life of the application: it
    /// caches Plaid's keys. The client must be for the environment the webhooks come from, since key ids are
    /// per environment.
    /// </remarks>
    public class PlaidWebhookVerifier
    {
        /// <summary>The oldest a token may be (Plaid API docs, Webhooks › Webhook verification: not more than 5 minutes old), against replays.</summary>
        public static readonly TimeSpan MaxTokenAge = TimeSpan.FromMinutes(5);

        // The latest Unix time DateTimeOffset can hold (9999-12-31T23:59:59Z).
        private const long MaxUnixSeconds = 253402300799;

        private const int Sha256Length = 32;

        private readonly WebhookKeyCache _keys = null!;
        private readonly TimeProvider _time = null!;
        private readonly TimeSpan _clockSkew;
        private readonly PlaidMetrics _metrics = PlaidMetrics.Unhosted;

        /// <summary>For mocking only: a verifier built this way has no client and verifies nothing.</summary>
        protected PlaidWebhookVerifier()
        {
        }

        /// <summary>Creates a verifier with the default settings that fetches keys through <paramref name="client"/>.</summary>
        /// <param name="client">The Plaid client for the environment the webhooks come from.</param>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
        public PlaidWebhookVerifier(PlaidPartnerClient client)
            : this(client, new PlaidWebhookVerifierOptions())
        {
        }

        /// <summary>Creates a verifier that fetches keys through <paramref name="client"/>.</summary>
        /// <param name="client">The Plaid client for the environment the webhooks come from.</param>
        /// <param name="options">Clock, skew and cache settings; copied and validated here.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
        public PlaidWebhookVerifier(PlaidPartnerClient client, PlaidWebhookVerifierOptions options)
            : this(EveryFetchThrough(client), options, client.CallPipeline?.Metrics ?? PlaidMetrics.Unhosted)
        {
        }

        /// <summary>
        /// A verifier that asks <paramref name="clientForEachFetch"/> for the client of each key fetch: <c>AddPlaidPartner</c>'s,
        /// so that a fetch uses the registration's options of the moment and a fresh HttpClient from the factory.
        /// </summary>
        internal PlaidWebhookVerifier(Func<PlaidPartnerClient> clientForEachFetch, PlaidWebhookVerifierOptions options, PlaidMetrics metrics)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var validated = options.ValidatedCopy();
            _time = validated.TimeProvider;
            _clockSkew = validated.ClockSkew;
            _metrics = metrics;
            _keys = new WebhookKeyCache(clientForEachFetch, validated);
        }

        /// <summary>Checks that <paramref name="body"/> was sent by Plaid, unaltered, within the last five minutes.</summary>
        /// <param name="body">The request body exactly as received: the signature covers these bytes, white space included.</param>
        /// <param name="verificationHeader">
        /// The <c>Plaid-Verification</c> header's value, or null when absent (see <see cref="PlaidVerificationHeader.Find{TValues}"/>).
        /// </param>
        /// <param name="cancellationToken">Stops waiting for a key fetch (the fetch itself goes on for other callers).</param>
        /// <returns>Verified, or the reason it is not; a failure is never thrown.</returns>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual async Task<WebhookVerificationResult> VerifyAsync(ReadOnlyMemory<byte> body, string? verificationHeader, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var activity = WebhookVerificationTelemetry.Start();
            WebhookVerificationResult result;
            try
            {
                result = Precheck(verificationHeader, out var jws) ?? Check(body, jws!, await _keys.GetAsync(jws!.KeyId, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                WebhookVerificationTelemetry.Abandoned(activity, e);
                throw;
            }

            WebhookVerificationTelemetry.Completed(_metrics, activity, result);
            return result;
        }

        private static Func<PlaidPartnerClient> EveryFetchThrough(PlaidPartnerClient client)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            return () => client;
        }

        /// <summary>The checks that need no key: the header is there, not too long, and a compact ES256 JWS with a <c>kid</c>.</summary>
        private static WebhookVerificationResult? Precheck(string? verificationHeader, out CompactJws? jws)
        {
            jws = null;
            if (string.IsNullOrEmpty(verificationHeader))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.HeaderMissing, $"the {PlaidVerificationHeader.Name} header is missing or empty");
            }

            if (verificationHeader!.Length > PlaidVerificationHeader.MaxLength)
            {
                return WebhookVerificationResult.Failed(
                    WebhookVerificationFailureReason.HeaderTooLarge,
                    $"the {PlaidVerificationHeader.Name} header has {verificationHeader.Length} characters, more than {PlaidVerificationHeader.MaxLength}; it was not parsed");
            }

            if (string.IsNullOrWhiteSpace(verificationHeader))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.HeaderMissing, $"the {PlaidVerificationHeader.Name} header is only white space");
            }

            return CompactJws.TryParse(verificationHeader, out jws);
        }

        private WebhookVerificationResult Check(ReadOnlyMemory<byte> body, CompactJws jws, WebhookKeyLookup lookup)
        {
            var keyId = jws.KeyId;
            if (lookup.Key is not { } key)
            {
                return WebhookVerificationResult.Failed(lookup.Failure!.Value, lookup.Message, keyId);
            }

            var now = _time.GetUtcNow();
            if (key.IsExpiredAt(now))
            {
                return WebhookVerificationResult.Failed(
                    WebhookVerificationFailureReason.KeyExpired,
                    $"key id {UntrustedText.Quote(keyId)} expired at Unix time {key.ExpiredAt}; Plaid no longer signs with it",
                    keyId);
            }

            if (!key.Verify(jws.SigningInput, jws.Signature))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.SignatureInvalid, $"the ES256 signature does not verify with key id {UntrustedText.Quote(keyId)}", keyId);
            }

            if (jws.IssuedAt is not long iat)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.IssuedAtMissing, "the signed payload has no integer iat", keyId);
            }

            if (iat > MaxUnixSeconds)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.IssuedInFuture, $"iat {iat} is beyond the year 9999", keyId);
            }

            // Plaid never signed before 1970; refusing it also keeps the conversion below in range.
            if (iat < 0)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.TokenTooOld, $"iat {iat} is before 1970", keyId);
            }

            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iat);
            if (issuedAt - now > _clockSkew)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.IssuedInFuture, $"iat {issuedAt:u} is later than now ({now:u}) plus the allowed skew of {_clockSkew}", keyId);
            }

            if (now - issuedAt > MaxTokenAge)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.TokenTooOld, $"iat {issuedAt:u} is more than {MaxTokenAge} before now ({now:u})", keyId);
            }

            if (jws.RequestBodySha256 is not { } claimedHex)
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.BodyHashMissing, "the signed payload has no request_body_sha256 string", keyId);
            }

            Span<byte> actual = stackalloc byte[Sha256Length];
            SHA256.HashData(body.Span, actual);
            if (!TryDecodeSha256Hex(claimedHex, out var claimed))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.BodyHashMismatch, "request_body_sha256 is not hexadecimal", keyId);
            }

            if (!CryptographicOperations.FixedTimeEquals(actual, claimed))
            {
                return WebhookVerificationResult.Failed(
                    WebhookVerificationFailureReason.BodyHashMismatch,
                    $"the SHA-256 of the {body.Length} body bytes differs from the signed request_body_sha256 (was the body re-read, re-encoded or re-indented?)",
                    keyId);
            }

            return WebhookVerificationResult.Verified(keyId, issuedAt);
        }

        private static bool TryDecodeSha256Hex(string hex, out byte[] bytes)
        {
            // A claim of the wrong length decodes fine and then fails FixedTimeEquals, which compares lengths too.
            bytes = Array.Empty<byte>();
            try
            {
                bytes = Convert.FromHexString(hex);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
