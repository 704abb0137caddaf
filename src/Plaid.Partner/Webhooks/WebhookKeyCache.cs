using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Plaid's webhook keys by <c>kid</c>, kept as Plaid API docs, Webhooks › Webhook verification (caching and key rotation), ask:
    /// each for at most <see cref="PlaidWebhookVerifierOptions.KeyCacheDuration"/> (24 h); a <c>kid</c> that is not cached
    /// is fetched, and at that moment every cached key that has not expired is fetched again so its <c>expired_at</c>
    /// is current.
    /// </summary>
    /// <remarks>
    /// Against floods: verifications missing the same <c>kid</c> at once share one fetch; a <c>kid</c> Plaid rejects is
    /// not asked again for <see cref="PlaidWebhookVerifierOptions.RejectedKeyIdRetention"/>; and never-seen <c>kid</c>s
    /// are looked up at most <see cref="PlaidWebhookVerifierOptions.MaxNewKeyIdFetchesPerMinute"/> times a minute.
    /// Fetches run without the caller's cancellation token, since other callers may be waiting on them; each is one
    /// attempt, never retried, bounded by <see cref="PlaidWebhookVerifierOptions.KeyFetchTimeout"/> (and the client's own
    /// timeout), so a webhook delivery is answered within the 10 seconds Plaid waits even when the key endpoint is down.
    /// </remarks>
    internal sealed class WebhookKeyCache
    {
        /// <summary>Plaid's answer (HTTP 400, INVALID_INPUT) to a <c>key_id</c> it does not know (Plaid API docs, Errors › Invalid input errors).</summary>
        internal const string InvalidKeyIdErrorCode = "INVALID_WEBHOOK_VERIFICATION_KEY_ID";

        private const int RejectedPruneThreshold = 256;

        private readonly Func<PlaidPartnerClient> _clientForEachFetch;
        private readonly TimeProvider _time;
        private readonly TimeSpan _maxAge;
        private readonly TimeSpan _rejectedRetention;
        private readonly NewKeyIdFetchLimiter _newKeyIdLimiter;
        private readonly TimeSpan _fetchTimeout;
        private readonly ConcurrentDictionary<string, CachedKey> _keys = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, DateTimeOffset> _rejectedUntil = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Task<WebhookKeyLookup>>> _inFlight = new(StringComparer.Ordinal);

        /// <param name="clientForEachFetch">
        /// The client a fetch goes through, asked for each fetch: one fixed client, or a new one from an <c>AddPlaidPartner</c>
        /// registration on its current options (it may throw while those options are invalid; the fetch then fails).
        /// </param>
        /// <param name="validatedOptions">The verifier's checked settings.</param>
        public WebhookKeyCache(Func<PlaidPartnerClient> clientForEachFetch, PlaidWebhookVerifierOptions validatedOptions)
        {
            _clientForEachFetch = clientForEachFetch;
            _time = validatedOptions.TimeProvider;
            _maxAge = validatedOptions.KeyCacheDuration;
            _rejectedRetention = validatedOptions.RejectedKeyIdRetention;
            _newKeyIdLimiter = new NewKeyIdFetchLimiter(validatedOptions.MaxNewKeyIdFetchesPerMinute);
            _fetchTimeout = validatedOptions.KeyFetchTimeout;
        }

        /// <summary>The key for <paramref name="keyId"/>, from the cache or fetched from Plaid.</summary>
        public ValueTask<WebhookKeyLookup> GetAsync(string keyId, CancellationToken cancellationToken)
        {
            var now = _time.GetUtcNow();
            if (_inFlight.TryGetValue(keyId, out var pending))
            {
                // A cached key being refetched (rotation): wait for its fresh expired_at rather than trust the old copy.
                return new ValueTask<WebhookKeyLookup>(pending.Value.WaitAsync(cancellationToken));
            }

            if (_keys.TryGetValue(keyId, out var cached) && now - cached.FetchedAt < _maxAge)
            {
                return new ValueTask<WebhookKeyLookup>(cached.Lookup);
            }

            if (_rejectedUntil.TryGetValue(keyId, out var until) && now < until)
            {
                return new ValueTask<WebhookKeyLookup>(Rejected(keyId));
            }

            var fetch = _inFlight.GetOrAdd(keyId, id => new Lazy<Task<WebhookKeyLookup>>(() => FetchAsync(id), LazyThreadSafetyMode.ExecutionAndPublication));
            return new ValueTask<WebhookKeyLookup>(fetch.Value.WaitAsync(cancellationToken));
        }

        private async Task<WebhookKeyLookup> FetchAsync(string keyId)
        {
            try
            {
                var now = _time.GetUtcNow();
                var neverSeen = !_keys.ContainsKey(keyId);
                if (neverSeen && !_newKeyIdLimiter.TryAcquire(now))
                {
                    return WebhookKeyLookup.Failed(
                        WebhookVerificationFailureReason.KeyFetchThrottled,
                        $"key id {UntrustedText.Quote(keyId)} was not looked up: too many unknown key ids this minute (PlaidWebhookVerifierOptions.MaxNewKeyIdFetchesPerMinute)");
                }

                // The refetches run alongside: webhooks signed with the new key do not wait for old keys' answers
                // (Plaid gives a receiver 10 seconds), while verifications with an old key wait for its fresh copy.
                RefetchUnexpiredKeys(keyId, now);
                return await FetchOneAsync(keyId).ConfigureAwait(false);
            }
            finally
            {
                // Only this fetch's own entry can be here: GetOrAdd hands every caller the same Lazy until it is removed.
                _inFlight.TryRemove(keyId, out _);
            }
        }

        /// <summary>Plaid API docs, Webhooks › Webhook verification: on an unknown kid, refetch cached keys that are not yet expired so a rotated-out key is noticed.</summary>
        private void RefetchUnexpiredKeys(string exceptKeyId, DateTimeOffset now)
        {
            foreach (var entry in _keys)
            {
                if (!string.Equals(entry.Key, exceptKeyId, StringComparison.Ordinal) && entry.Value.Lookup.Key is { } key && !key.IsExpiredAt(now))
                {
                    // Registered as in flight so GetAsync for this kid waits for it; FetchOneAsync never throws.
                    _ = _inFlight.GetOrAdd(entry.Key, id => new Lazy<Task<WebhookKeyLookup>>(() => RefreshAsync(id), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
                }
            }
        }

        private async Task<WebhookKeyLookup> RefreshAsync(string keyId)
        {
            try
            {
                return await FetchOneAsync(keyId).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.TryRemove(keyId, out _);
            }
        }

        private async Task<WebhookKeyLookup> FetchOneAsync(string keyId)
        {
            WebhookVerificationKeyGetResponse response;
            // A key fetch is rare (a new or rotated key id), so a timer of its own per fetch costs nothing worth pooling.
#if NETSTANDARD2_0
            using var budget = TimeProviderTaskExtensions.CreateCancellationTokenSource(_time, _fetchTimeout);
#else
            using var budget = new CancellationTokenSource(_fetchTimeout, _time);
#endif
            try
            {
                response = await _clientForEachFetch().GetWebhookVerificationKeyOnceAsync(keyId, budget.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                return WebhookKeyLookup.Failed(
                    WebhookVerificationFailureReason.KeyFetchFailed,
                    $"fetching key id {UntrustedText.Quote(keyId)} from {PlaidOperations.WebhookVerificationKeyGetPath} took longer than "
                        + $"{_fetchTimeout} (PlaidWebhookVerifierOptions.KeyFetchTimeout)");
            }
            catch (PlaidApiException e) when (string.Equals(e.ErrorCode, InvalidKeyIdErrorCode, StringComparison.Ordinal))
            {
                _keys.TryRemove(keyId, out _);
                RememberRejected(keyId);
                return Rejected(keyId);
            }
            catch (Exception e)
            {
                // Any failure to fetch is a result, not an exception, for the receiver (PlaidApiException messages are already redacted).
                return WebhookKeyLookup.Failed(
                    WebhookVerificationFailureReason.KeyFetchFailed,
                    $"fetching key id {UntrustedText.Quote(keyId)} from {PlaidOperations.WebhookVerificationKeyGetPath} failed: {e.GetType().Name}: {e.Message}");
            }

            if (response?.Key is not { } jwk)
            {
                return WebhookKeyLookup.Failed(
                    WebhookVerificationFailureReason.KeyFetchFailed,
                    $"{PlaidOperations.WebhookVerificationKeyGetPath} answered without a key for key id {UntrustedText.Quote(keyId)}");
            }

            var key = WebhookSigningKey.TryCreate(jwk, keyId, out var problem);
            var lookup = key is null
                ? WebhookKeyLookup.Failed(WebhookVerificationFailureReason.KeyUnsupported, $"key id {UntrustedText.Quote(keyId)} cannot verify ES256: {problem}")
                : WebhookKeyLookup.Found(key);
            _keys[keyId] = new CachedKey(lookup, _time.GetUtcNow());
            _rejectedUntil.TryRemove(keyId, out _);
            return lookup;
        }

        private void RememberRejected(string keyId)
        {
            var now = _time.GetUtcNow();
            if (_rejectedUntil.Count >= RejectedPruneThreshold)
            {
                foreach (var entry in _rejectedUntil)
                {
                    if (entry.Value <= now)
                    {
                        _rejectedUntil.TryRemove(entry.Key, out _);
                    }
                }
            }

            _rejectedUntil[keyId] = now + _rejectedRetention;
        }

        private WebhookKeyLookup Rejected(string keyId) => WebhookKeyLookup.Failed(
            WebhookVerificationFailureReason.KeyNotFound,
            $"Plaid does not know key id {UntrustedText.Quote(keyId)} ({InvalidKeyIdErrorCode}); it is not asked again for {_rejectedRetention}");

        private readonly record struct CachedKey(WebhookKeyLookup Lookup, DateTimeOffset FetchedAt);
    }
}
