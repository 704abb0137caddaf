using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// The per-request baseline: a hand-written typed client (<c>AddHttpClient&lt;TypedPlaidClient&gt;()</c>) making the
    /// same call as <see cref="HandWrittenPlaidClient"/>. It is as cheap to resolve as a typed client gets: its request
    /// URI is static and its credentials are constants, so each resolve is the factory's HttpClient and this object.
    /// </summary>
    public sealed class TypedPlaidClient
    {
        private static readonly Uri GetUri = new(PlaidEnvironment.Production.BaseAddress, "partner/customer/get");

        private readonly HttpClient _http;

        public TypedPlaidClient(HttpClient http) => _http = http;

        public Task<EndCustomerResponse> GetEndCustomerAsync(string endCustomerClientId, CancellationToken cancellationToken = default) =>
            HandWrittenPlaidClient.PostAsync<EndCustomerResponse>(
                _http,
                GetUri,
                new GetRequest { EndCustomerClientId = endCustomerClientId },
                BenchmarkOptions.ClientId,
                BenchmarkOptions.Secret,
                cancellationToken);
    }
}
