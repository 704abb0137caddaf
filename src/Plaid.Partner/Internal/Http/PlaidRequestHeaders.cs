using System.Net.Http;
using System.Net.Http.Headers;
using Plaid.Partner.Diagnostics;

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

        private const string UserAgentHeader = "User-Agent";

        /// <summary>The library's name and version, e.g. <c>Plaid.Partner/1.0.0</c>; ProductInfoHeaderValue checks both are valid tokens.</summary>
        public static readonly string UserAgent = new ProductInfoHeaderValue("Plaid.Partner", LibraryVersion.CoreWithoutBuild).ToString();

        public static void Apply(HttpRequestMessage request, PlaidPartnerOptions options)
        {
            // The generated client builds a new request for every call and sets only Accept and the JSON content
            // (with its charset), so these are added, never replaced; and added unparsed, since they are only written out.
            var headers = request.Headers;
            headers.TryAddWithoutValidation(ClientIdHeader, options.ClientId);
            headers.TryAddWithoutValidation(SecretHeader, options.Secret);
            headers.TryAddWithoutValidation(VersionHeader, options.PlaidVersion);
            headers.TryAddWithoutValidation(UserAgentHeader, UserAgent);
        }
    }
}
