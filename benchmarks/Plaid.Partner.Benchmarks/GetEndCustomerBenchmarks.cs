using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P1 (get): the per-call cost of <see cref="PlaidPartnerClient.GetEndCustomerAsync"/> over the hand-written
    /// HttpClient + Newtonsoft.Json call with the user's own model classes, both over the same in-process stub answering
    /// Plaid's example (Plaid API docs, Partner). Target: Ratio and Alloc Ratio at most 1.10. The middle row (hand-written code reading into the
    /// library's models) splits the gap into what the models cost and what the client adds.
    /// </summary>
    [MemoryDiagnoser]
    public class GetEndCustomerBenchmarks
    {
        private const string Id = PlaidExampleResponses.EndCustomerClientId;

        private HttpClient _http = null!;
        private HandWrittenPlaidClient _handWritten = null!;
        private PlaidPartnerClient _client = null!;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _http = new HttpClient(new StubPlaidHandler(PlaidExampleResponses.GetResponse));
            _handWritten = BenchmarkOptions.HandWritten(_http);
            _client = new PlaidPartnerClient(_http, BenchmarkOptions.Production());

            // Both sides must post the same bytes and read the same answer, or the ratio compares different work.
            var handWrittenBody = await BenchmarkOptions.PostedBodyAsync(PlaidExampleResponses.GetResponse, http => BenchmarkOptions.HandWritten(http).GetEndCustomerAsync(Id));
            var clientBody = await BenchmarkOptions.PostedBodyAsync(PlaidExampleResponses.GetResponse, http => new PlaidPartnerClient(http, BenchmarkOptions.Production()).GetEndCustomerAsync(Id));
            BenchmarkOptions.Expect(handWrittenBody == clientBody, $"both post the same body (hand-written {handWrittenBody}, client {clientBody})");
            BenchmarkOptions.Expect((await HandWritten()).EndCustomer?.Status == "ACTIVE", "the hand-written call reads Plaid's example response");
            BenchmarkOptions.Expect(
                (await HandWrittenLibraryModels()).EndCustomer?.Status == PartnerEndCustomerStatus.Active,
                "the hand-written call reads Plaid's example response into the library's models");
            BenchmarkOptions.Expect((await Client()).EndCustomer?.Status == PartnerEndCustomerStatus.Active, "PlaidPartnerClient reads Plaid's example response");
        }

        [GlobalCleanup]
        public void Cleanup() => _http.Dispose();

        [Benchmark(Baseline = true, Description = "hand-written: HttpClient + Newtonsoft + own models")]
        public Task<EndCustomerResponse> HandWritten() => _handWritten.GetEndCustomerAsync(Id);

        // The library's get request is internal (the client takes the id), so this row posts the hand-written request: the
        // same bytes, so only the response model differs from the baseline.
        [Benchmark(Description = "hand-written, reading the library's models")]
        public Task<PartnerCustomerGetResponse> HandWrittenLibraryModels() =>
            _handWritten.PostAsync<PartnerCustomerGetResponse>(_handWritten.GetUri, new GetRequest { EndCustomerClientId = Id }, default);

        [Benchmark(Description = "PlaidPartnerClient.GetEndCustomerAsync")]
        public Task<PartnerCustomerGetResponse> Client() => _client.GetEndCustomerAsync(Id);
    }
}
