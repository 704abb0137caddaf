using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P6: the cost of a failed call. Both sides get the same stubbed 400 with a Plaid error body (the shape of Plaid's
    /// errors page, https://plaid.com/docs/errors/) and end with one exception the caller catches: the library's
    /// <see cref="PlaidApiException"/> from <see cref="PlaidPartnerClient.GetEndCustomerAsync"/> against a hand-written
    /// HttpClient + Newtonsoft.Json client that parses the error into its own class and throws its own exception.
    /// Target: Ratio and Alloc Ratio at most 1.20.
    /// </summary>
    [MemoryDiagnoser]
    public class FailedCallBenchmarks
    {
        private const string Id = PlaidExampleResponses.EndCustomerClientId;

        private const string ErrorBody = """
            {
              "error_type": "INVALID_INPUT",
              "error_code": "INVALID_FIELD",
              "error_message": "end_customer_client_id must be a valid client id",
              "display_message": null,
              "request_id": "m8MDnv9okwxFNBV"
            }
            """;

        private HttpClient _http = null!;
        private HandWrittenPlaidClient _handWritten = null!;
        private PlaidPartnerClient _client = null!;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _http = new HttpClient(new StubPlaidHandler(ErrorBody, status: HttpStatusCode.BadRequest));
            _handWritten = BenchmarkOptions.HandWritten(_http);
            _client = new PlaidPartnerClient(_http, BenchmarkOptions.Production());

            // Both sides must read the same error out of the same answer, or the ratio compares different work.
            BenchmarkOptions.Expect(await HandWritten() == "INVALID_FIELD", "the hand-written client throws the parsed error");
            BenchmarkOptions.Expect(await Client() == "INVALID_FIELD", "PlaidPartnerClient throws PlaidApiException with the parsed error");
        }

        [GlobalCleanup]
        public void Cleanup() => _http.Dispose();

        [Benchmark(Baseline = true, Description = "hand-written: HttpClient + Newtonsoft, one exception")]
        public async Task<string?> HandWritten()
        {
            try
            {
                await _handWritten.GetEndCustomerAsync(Id);
                return null;
            }
            catch (HandWrittenPlaidException e)
            {
                return e.Error?.ErrorCode;
            }
        }

        [Benchmark(Description = "PlaidPartnerClient.GetEndCustomerAsync, PlaidApiException")]
        public async Task<string?> Client()
        {
            try
            {
                await _client.GetEndCustomerAsync(Id);
                return null;
            }
            catch (PlaidApiException e)
            {
                return e.ErrorCode;
            }
        }
    }
}
