using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Plaid.Partner.Benchmarks.Support
{
    internal static class BenchmarkOptions
    {
        public const string ClientId = "benchmark_client_id";
        public const string Secret = "benchmark_secret";

        /// <summary>Production, because create is refused in Sandbox before anything is sent. The stub never leaves the process.</summary>
        public static PlaidPartnerOptions Production() => new()
        {
            ClientId = ClientId,
            Secret = Secret,
            Environment = PlaidEnvironment.Production,
        };

        public static HandWrittenPlaidClient HandWritten(HttpClient http) =>
            new(http, PlaidEnvironment.Production.BaseAddress, ClientId, Secret);

        /// <summary>The body one call posts, through a capturing stub answering <paramref name="responseJson"/>.</summary>
        public static async Task<string> PostedBodyAsync(string responseJson, Func<HttpClient, Task> call)
        {
            var stub = new StubPlaidHandler(responseJson, captureRequestBodies: true);
            using var http = new HttpClient(stub);
            await call(http);
            return stub.LastRequestBody ?? throw new InvalidOperationException("The call posted no body.");
        }

        /// <summary>Stops a benchmark whose sides would not do the same work.</summary>
        public static void Expect(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
            }
        }
    }
}
