using System;
using System.Net.Http.Headers;
using System.Reflection;
using System.Net.Http;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The single place that puts credentials and protocol headers on a request. Credentials go in headers only,
    /// never in a body.
    /// </summary>
    internal static class PlaidRequestHeaders
    {
        public const string ClientIdHeader = "PLAID-CLIENT-ID";
        public const string SecretHeader = "PLAID-SECRET";
        public const string VersionHeader = "Plaid-Version";

        /// <summary>The library's name and version, e.g. <c>Plaid.Partner/0.1.0</c>.</summary>
        public static readonly ProductInfoHeaderValue UserAgent = new("Plaid.Partner", LibraryVersion());

        public static void Apply(HttpRequestMessage request, PlaidPartnerOptions options)
        {
            var headers = request.Headers;
            headers.Remove(ClientIdHeader);
            headers.Remove(SecretHeader);
            headers.Remove(VersionHeader);
            headers.TryAddWithoutValidation(ClientIdHeader, options.ClientId);
            headers.TryAddWithoutValidation(SecretHeader, options.Secret);
            headers.TryAddWithoutValidation(VersionHeader, options.PlaidVersion);
            headers.UserAgent.Clear();
            headers.UserAgent.Add(UserAgent);
            if (request.Content is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
        }

        private static string LibraryVersion()
        {
            var assembly = typeof(PlaidRequestHeaders).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            var version = informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }
}
