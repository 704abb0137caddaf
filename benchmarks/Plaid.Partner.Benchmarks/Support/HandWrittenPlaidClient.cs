using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// The baseline: what a user could write instead of the library, with HttpClient, Newtonsoft.Json and their own
    /// model classes. It posts the same bytes and reads the same response, and does nothing more: no validation, retries,
    /// timeouts beyond HttpClient's own, logging or unknown-value handling. A refusal's body is parsed into the user's
    /// own error class and thrown as one exception (<see cref="HandWrittenPlaidException"/>).
    /// </summary>
    internal sealed class HandWrittenPlaidClient
    {
        private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };

        private readonly HttpClient _http;
        private readonly string _clientId;
        private readonly string _secret;

        public HandWrittenPlaidClient(HttpClient http, Uri baseAddress, string clientId, string secret)
        {
            _http = http;
            GetUri = new Uri(baseAddress, "partner/customer/get");
            CreateUri = new Uri(baseAddress, "partner/customer/create");
            _clientId = clientId;
            _secret = secret;
        }

        public Uri GetUri { get; }

        public Uri CreateUri { get; }

        public Task<EndCustomerResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            PostAsync<EndCustomerResponse>(GetUri, new GetRequest { EndCustomerClientId = endCustomerClientId }, cancellationToken);

        public Task<EndCustomerResponse> CreateEndCustomerAsync(CreateRequest request, CancellationToken cancellationToken = default) =>
            PostAsync<EndCustomerResponse>(CreateUri, request, cancellationToken);

        /// <summary>The whole hand-written call: any body, any response type (the benchmarks also read into the library's models).</summary>
        public Task<T> PostAsync<T>(Uri uri, object body, CancellationToken cancellationToken) =>
            PostAsync<T>(_http, uri, body, _clientId, _secret, cancellationToken);

        /// <summary>The same call on any HttpClient (the typed client of the per-request benchmark uses it too).</summary>
        public static async Task<T> PostAsync<T>(HttpClient http, Uri uri, object body, string clientId, string secret, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(JsonConvert.SerializeObject(body, Settings), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("PLAID-CLIENT-ID", clientId);
            request.Headers.Add("PLAID-SECRET", secret);
            request.Headers.Add("Plaid-Version", "2020-09-14");
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = JsonConvert.DeserializeObject<ErrorBody>(text, Settings);
                throw new HandWrittenPlaidException(response.StatusCode, error);
            }

            return JsonConvert.DeserializeObject<T>(text, Settings) ?? throw new InvalidDataException($"Plaid answered an empty {typeof(T).Name}.");
        }
    }
}
