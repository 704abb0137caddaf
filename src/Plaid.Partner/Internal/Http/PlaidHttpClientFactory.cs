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

#if NETSTANDARD2_0
        // SslProtocols.Tls13 (12288) is missing from netstandard2.0's enum; .NET Framework 4.8 and .NET Core 3.0+ define it.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        /// <summary>
        /// netstandard2.0 has no SocketsHttpHandler: HttpClientHandler with the same TLS floor and decompression. It cannot
        /// recycle pooled connections, so on .NET Framework prefer AddPlaidPartner (IHttpClientFactory rotates handlers).
        /// </summary>
        public static HttpMessageHandler CreateHandler() => new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            // Plaid serves TLS 1.2+ only; never negotiate anything older (TLS 1.3 too where the platform knows it).
            SslProtocols = Enum.IsDefined(typeof(SslProtocols), Tls13) ? SslProtocols.Tls12 | Tls13 : SslProtocols.Tls12,
        };
#else
        public static SocketsHttpHandler CreateHandler() => new()
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            // Plaid serves TLS 1.2+ only; never negotiate anything older.
            SslOptions = { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
        };
#endif

        // The per-call timeout is PlaidPartnerOptions.Timeout, applied by the client, so the transport has none.
        private static HttpClient Create() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
