using System;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Settings of the endpoint <c>MapPlaidPartnerWebhooks</c> maps, set with
    /// <see cref="PlaidWebhooksBuilder.Configure"/>. Copied and checked when the endpoint is mapped.
    /// </summary>
    public sealed class PlaidWebhookEndpointOptions
    {
        /// <summary>The default body cap, 64 KB: Plaid's webhook bodies are a few hundred bytes.</summary>
        public const int DefaultMaxBodyBytes = 64 * 1024;

        /// <summary>The largest <see cref="MaxBodyBytes"/> accepted, 1 MB.</summary>
        public const int LargestMaxBodyBytes = 1024 * 1024;

        /// <summary>
        /// The largest body read, in bytes; a longer one is answered 413 without reading the rest (a declared
        /// <c>Content-Length</c> is checked before reading; a chunked body is counted as it arrives). From 1 to
        /// <see cref="LargestMaxBodyBytes"/>; defaults to <see cref="DefaultMaxBodyBytes"/>.
        /// </summary>
        public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

        /// <summary>
        /// When true, a delivery whose <c>Plaid-Verification</c> token was already handled successfully is answered 200
        /// without calling the handlers again. Off by default.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The key is the SHA-256 of the token (which covers the body and the signing time), kept for 10 minutes: a token
        /// is refused as too old after 5 minutes anyway, plus up to 5 minutes of allowed clock skew. It stops the same
        /// signed delivery from being handled twice: a replay by whoever captured it, or a duplicate from a proxy or
        /// load balancer. Plaid's own redeliveries after a non-200 answer come minutes later; if Plaid signs them anew
        /// they carry a new token and are handled again, so handlers must stay idempotent.
        /// </para>
        /// <para>
        /// A token is marked only after every handler succeeded, so a delivery answered 500 can be delivered again and
        /// handled. Two copies arriving at the same moment may both be handled: the check and the mark are two cache
        /// calls, not one atomic step.
        /// </para>
        /// <para>
        /// Needs an <c>IDistributedCache</c> service: <c>services.AddDistributedMemoryCache()</c> for one instance, or a
        /// shared cache (<c>AddStackExchangeRedisCache</c>, <c>AddDistributedSqlServerCache</c>, …) so several instances
        /// behind a load balancer see each other's deliveries. If the cache fails, the delivery is handled as new and a
        /// warning is logged.
        /// </para>
        /// </remarks>
        public bool SuppressDuplicateDeliveries { get; set; }

        /// <summary>Shows every setting.</summary>
        public override string ToString() =>
            $"PlaidWebhookEndpointOptions {{ MaxBodyBytes = {MaxBodyBytes}, SuppressDuplicateDeliveries = {SuppressDuplicateDeliveries} }}";

        /// <summary>Checks every setting and returns an independent copy.</summary>
        internal PlaidWebhookEndpointOptions ValidatedCopy()
        {
            if (MaxBodyBytes < 1 || MaxBodyBytes > LargestMaxBodyBytes)
            {
                throw new ArgumentException($"PlaidWebhookEndpointOptions.MaxBodyBytes must be between 1 and {LargestMaxBodyBytes}; it was {MaxBodyBytes}.", "options");
            }

            return new PlaidWebhookEndpointOptions
            {
                MaxBodyBytes = MaxBodyBytes,
                SuppressDuplicateDeliveries = SuppressDuplicateDeliveries,
            };
        }
    }
}
