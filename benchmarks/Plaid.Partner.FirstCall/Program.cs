using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime;
using System.Threading.Tasks;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.FirstCall
{
    /// <summary>
    /// P7: one process, one get. <c>Plaid.Partner.FirstCall library|hand-written</c> makes one
    /// <c>/partner/customer/get</c> against an in-process stub answering Plaid's example response, checks the answer,
    /// and prints one line: the mode, the time from Main to the answer, and the methods the JIT compiled
    /// (System.Runtime.JitInfo) and the time it spent. The whole process's wall time is measured outside, by
    /// benchmarks/first-call.sh, which runs each mode many times.
    /// </summary>
    public static class Program
    {
        private const string ClientId = "first_call_client_id";
        private const string Secret = "first_call_secret";

        public static async Task<int> Main(string[] args)
        {
            var mode = args.Length == 1 ? args[0] : "";
            var started = Stopwatch.GetTimestamp();
            string status;
            TimeSpan constructed;
            using (var http = new HttpClient(new StubPlaidHandler(PlaidExampleResponses.GetResponse)))
            {
                switch (mode)
                {
                    case "library":
                        var client = new PlaidPartnerClient(http, new PlaidPartnerOptions { ClientId = ClientId, Secret = Secret, Environment = PlaidEnvironment.Production });
                        constructed = Stopwatch.GetElapsedTime(started);
                        status = (await client.GetEndCustomerAsync(PlaidExampleResponses.EndCustomerClientId)).EndCustomer?.Status.ToString() ?? "";
                        break;
                    case "hand-written":
                        var handWritten = new HandWrittenPlaidClient(http, PlaidEnvironment.Production.BaseAddress, ClientId, Secret);
                        constructed = Stopwatch.GetElapsedTime(started);
                        status = (await handWritten.GetEndCustomerAsync(PlaidExampleResponses.EndCustomerClientId)).EndCustomer?.Status ?? "";
                        break;
                    case "hand-written-library-models":
                        // The split: the hand-written call reading into the library's generated models.
                        var plain = new HandWrittenPlaidClient(http, PlaidEnvironment.Production.BaseAddress, ClientId, Secret);
                        constructed = Stopwatch.GetElapsedTime(started);
                        var request = new Benchmarks.Support.HandWrittenModels.GetRequest { EndCustomerClientId = PlaidExampleResponses.EndCustomerClientId };
                        status = (await plain.PostAsync<PartnerCustomerGetResponse>(plain.GetUri, request, default)).EndCustomer?.Status.ToString() ?? "";
                        break;
                    default:
                        Console.Error.WriteLine("usage: Plaid.Partner.FirstCall library|hand-written|hand-written-library-models");
                        return 2;
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!string.Equals(status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"{mode}: expected the example's ACTIVE end customer, read '{status}'.");
                return 1;
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{mode} main_to_answer_ms={elapsed.TotalMilliseconds:F1} constructed_ms={constructed.TotalMilliseconds:F1} jit_methods={JitInfo.GetCompiledMethodCount()} " +
                $"jit_ms={JitInfo.GetCompilationTime().TotalMilliseconds:F1} jit_il_bytes={JitInfo.GetCompiledILBytes()} " +
                $"assemblies={AppDomain.CurrentDomain.GetAssemblies().Length}"));
            if (Environment.GetEnvironmentVariable("FIRST_CALL_LIST_ASSEMBLIES") == "1")
            {
                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
                {
                    Console.Error.WriteLine(assembly.GetName().Name);
                }
            }
            return 0;
        }
    }
}
