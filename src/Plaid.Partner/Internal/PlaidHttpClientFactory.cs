using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>The transport used when the caller brings no <see cref="HttpClient"/>.</summary>
    internal static class PlaidHttpClientFactory
    {
        private static readonly Lazy<HttpClient> SharedClient = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>One client for the process: sockets are pooled, and recycled every few minutes so DNS changes are seen.</summary>
        public static HttpClient Shared => SharedClient.Value;

        public static SocketsHttpHandler CreateHandler() => new()
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            // Plaid serves TLS 1.2+ only; never negotiate anything older.
            SslOptions = { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
        };

        // The per-call timeout is PlaidPartnerOptions.Timeout, applied by the client, so the transport has none.
        private static HttpClient Create() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
