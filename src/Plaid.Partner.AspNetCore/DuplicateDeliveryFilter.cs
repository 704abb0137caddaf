using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Remembers which <c>Plaid-Verification</c> tokens were handled, in the app's <see cref="IDistributedCache"/> so
    /// every instance sharing the cache sees them (see <see cref="PlaidWebhookEndpointOptions.SuppressDuplicateDeliveries"/>).
    /// Only a hash of the token is stored. A failing cache never fails a delivery: it is handled as new.
    /// </summary>
    internal sealed class DuplicateDeliveryFilter
    {
        /// <summary>A token verifies for at most 5 minutes after its iat, which may be up to 5 minutes ahead of this clock.</summary>
        public static readonly TimeSpan Retention = PlaidWebhookVerifier.MaxTokenAge + PlaidWebhookVerifierOptions.MaxClockSkew;

        private const string KeyPrefix = "Plaid.Partner.AspNetCore:handled-webhook:";

        private static readonly byte[] Handled = { 1 };

        private static readonly DistributedCacheEntryOptions EntryOptions = new() { AbsoluteExpirationRelativeToNow = Retention };

        private readonly IDistributedCache _cache;
        private readonly ILogger _logger;

        public DuplicateDeliveryFilter(IDistributedCache cache, ILogger logger)
        {
            _cache = cache;
            _logger = logger;
        }

        public static string Key(string token) =>
            KeyPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

        public async Task<bool> WasHandledAsync(string token, CancellationToken cancellationToken)
        {
            try
            {
                return await _cache.GetAsync(Key(token), cancellationToken).ConfigureAwait(false) is not null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                WebhookEndpointLog.DuplicateStoreFailed(_logger, "read", e);
                return false;
            }
        }

        /// <summary>Marks the token handled; not cancelled with the request, since the handlers already ran.</summary>
        public async Task MarkHandledAsync(string token)
        {
            try
            {
                await _cache.SetAsync(Key(token), Handled, EntryOptions, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                WebhookEndpointLog.DuplicateStoreFailed(_logger, "write", e);
            }
        }
    }
}
