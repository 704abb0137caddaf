using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;
using Plaid.Partner.Emulator;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P3: throughput of 64 concurrent <see cref="PlaidPartnerClient.GetEndCustomerAsync"/> calls against the embedded
    /// emulator over loopback, next to 64 concurrent hand-written HttpClient calls to the same emulator, through the same
    /// HttpClient (so the same connection pool). Target: Throughput ratio at least 0.8. Mean is per call
    /// (OperationsPerInvoke), so the ratio of means is the inverse ratio of calls per second.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(ThroughputConfig))]
    public class EmulatorThroughputBenchmarks
    {
        public const int Concurrency = 64;

        private PlaidPartnerEmulator _emulator = null!;
        private HttpClient _http = null!;
        private HandWrittenPlaidClient _handWritten = null!;
        private PlaidPartnerClient _client = null!;
        private string _id = null!;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Production });
            var options = _emulator.CreateClientOptions();
            _http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            _handWritten = new HandWrittenPlaidClient(_http, options.Environment.BaseAddress, _emulator.ClientId, _emulator.Secret);
            _client = new PlaidPartnerClient(_http, options);
            _id = (await _client.CreateEndCustomerAsync(CreateRequests.Library())).EndCustomer!.ClientId!;

            BenchmarkOptions.Expect((await _handWritten.GetEndCustomerAsync(_id)).EndCustomer?.ClientId == _id, "the hand-written call reads the customer from the emulator");
            BenchmarkOptions.Expect((await _client.GetEndCustomerAsync(_id)).EndCustomer?.ClientId == _id, "PlaidPartnerClient reads the customer from the emulator");
        }

        [GlobalCleanup]
        public async Task CleanupAsync()
        {
            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency, Description = "64 concurrent hand-written HttpClient calls")]
        public Task<EndCustomerResponse[]> HandWritten()
        {
            var calls = new Task<EndCustomerResponse>[Concurrency];
            for (var i = 0; i < calls.Length; i++)
            {
                calls[i] = _handWritten.GetEndCustomerAsync(_id);
            }

            return Task.WhenAll(calls);
        }

        [Benchmark(OperationsPerInvoke = Concurrency, Description = "64 concurrent PlaidPartnerClient.GetEndCustomerAsync")]
        public Task<PartnerCustomerGetResponse[]> Client()
        {
            var calls = new Task<PartnerCustomerGetResponse>[Concurrency];
            for (var i = 0; i < calls.Length; i++)
            {
                calls[i] = _client.GetEndCustomerAsync(_id);
            }

            return Task.WhenAll(calls);
        }
    }
}
