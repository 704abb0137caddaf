using System.Net.Http;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>Customizations of the generated client (never edit generated/ by hand).</summary>
    internal partial class PlaidPartnerApiClient
    {
        private readonly PlaidPartnerOptions? _options;

        /// <summary>A generated client bound to validated options: base address and headers come from them.</summary>
        public PlaidPartnerApiClient(HttpClient httpClient, PlaidPartnerOptions options)
            : this(httpClient)
        {
            _options = options;
            BaseUrl = options.Environment.BaseAddress.AbsoluteUri;
        }

        static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) =>
            PlaidJson.Configure(settings);

        // The raw text is kept so that a body that is not the documented shape can still be reported.
        partial void Initialize() => ReadResponseAsString = true;

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            if (_options is not null)
            {
                PlaidRequestHeaders.Apply(request, _options);
            }
        }
    }
}
