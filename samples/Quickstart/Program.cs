using System;
using System.Linq;
using System.Threading.Tasks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// <c>dotnet run --project samples/Quickstart</c>: the whole end-customer lifecycle, then the beta onboarding loop,
    /// against the local emulator, no Plaid account needed. With PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV set it runs the read-only steps against
    /// real Plaid instead, and creates a real end customer only with --create-real-customer.
    /// </summary>
    internal static class Program
    {
        private const string Usage = """
            Usage: dotnet run --project samples/Quickstart [-- options]
              (no options)             walk the lifecycle and the beta onboarding loop against the local emulator;
                                       or, when PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV are all set, run
                                       read-only steps against real Plaid
              --emulator               use the local emulator even when PLAID_* variables are set
              --end-customer ID        (real Plaid) also read this end customer and its OAuth institutions
              --create-real-customer   (real Plaid) create an end customer: in Production it is REAL and billable
            """;

        public static async Task<int> Main(string[] args)
        {
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine(Usage);
                return 0;
            }

            var known = new[] { "--emulator", "--end-customer", "--create-real-customer" };
            var unknown = args.Where((a, i) => a.StartsWith('-') && !known.Contains(a)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"quickstart: unknown option(s) {string.Join(", ", unknown)}");
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var variables = new[] { "PLAID_CLIENT_ID", "PLAID_SECRET", "PLAID_ENV" };
            var set = variables.Where(v => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
            if (args.Contains("--emulator") || set.Count == 0)
            {
                return await EmulatorWalkthrough.RunAsync();
            }

            if (set.Count < variables.Length)
            {
                Console.Error.WriteLine(
                    $"quickstart: {string.Join(", ", set)} set but {string.Join(", ", variables.Except(set))} not; "
                    + "set all three for real Plaid, or none (or pass --emulator) for the local emulator.");
                return 2;
            }

            var endCustomerIndex = Array.IndexOf(args, "--end-customer");
            var endCustomer = endCustomerIndex >= 0 && endCustomerIndex + 1 < args.Length ? args[endCustomerIndex + 1] : null;
            return await RealPlaidWalkthrough.RunAsync(
                Environment.GetEnvironmentVariable("PLAID_CLIENT_ID")!,
                Environment.GetEnvironmentVariable("PLAID_SECRET")!,
                Environment.GetEnvironmentVariable("PLAID_ENV")!,
                endCustomer,
                args.Contains("--create-real-customer"));
        }
    }
}
