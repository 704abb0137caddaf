using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P1 (create, the largest request body): <see cref="PlaidPartnerClient.CreateEndCustomerAsync"/> over the
    /// hand-written call with the user's own model classes, both over the same in-process stub answering Plaid's
    /// example. Target: Ratio and Alloc Ratio at most 1.10. The client also checks the required fields before sending.
    /// </summary>
    [MemoryDiagnoser]
    public class CreateEndCustomerBenchmarks
    {
        private readonly CreateRequest _handWrittenRequest = CreateRequests.HandWritten();
        private readonly PartnerCustomerCreateRequest _request = CreateRequests.Library();
        private HttpClient _http = null!;
        private HandWrittenPlaidClient _handWritten = null!;
        private PlaidPartnerClient _client = null!;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _http = new HttpClient(new StubPlaidHandler(PlaidExampleResponses.CreateResponse));
            _handWritten = BenchmarkOptions.HandWritten(_http);
            _client = new PlaidPartnerClient(_http, BenchmarkOptions.Production());

            const string answer = PlaidExampleResponses.CreateResponse;
            var handWrittenBody = await BenchmarkOptions.PostedBodyAsync(answer, http => BenchmarkOptions.HandWritten(http).CreateEndCustomerAsync(_handWrittenRequest));
            var clientBody = await BenchmarkOptions.PostedBodyAsync(answer, http => new PlaidPartnerClient(http, BenchmarkOptions.Production()).CreateEndCustomerAsync(_request));
            BenchmarkOptions.Expect(handWrittenBody == clientBody, $"both post the same body (hand-written {handWrittenBody}, client {clientBody})");
            BenchmarkOptions.Expect((await HandWritten()).EndCustomer?.Secrets?.Production is not null, "the hand-written call reads Plaid's example response");
            BenchmarkOptions.Expect((await HandWrittenLibraryModels()).EndCustomer?.Secrets?.Production is not null, "the hand-written call reads Plaid's example response into the library's models");
            BenchmarkOptions.Expect((await Client()).EndCustomer?.Secrets?.Production is not null, "PlaidPartnerClient reads Plaid's example response");
        }

        [GlobalCleanup]
        public void Cleanup() => _http.Dispose();

        [Benchmark(Baseline = true, Description = "hand-written: HttpClient + Newtonsoft + own models")]
        public Task<EndCustomerResponse> HandWritten() => _handWritten.CreateEndCustomerAsync(_handWrittenRequest);

        [Benchmark(Description = "hand-written, with the library's models")]
        public Task<PartnerCustomerCreateResponse> HandWrittenLibraryModels() =>
            _handWritten.PostAsync<PartnerCustomerCreateResponse>(_handWritten.CreateUri, _request, default);

        [Benchmark(Description = "PlaidPartnerClient.CreateEndCustomerAsync")]
        public Task<PartnerCustomerCreateResponse> Client() => _client.CreateEndCustomerAsync(_request);
    }
}
