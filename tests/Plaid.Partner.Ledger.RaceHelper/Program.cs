using System;
using System.Linq;
using System.Threading.Tasks;

namespace Plaid.Partner.Ledger.RaceHelper
{
    /// <summary>
    /// Onboards the given references at once through its own ledger, after the test says "go" on stdin, and prints one
    /// line per reference: "reference outcome". Arguments: store (sqlite|postgres), connection, emulator base address,
    /// client id, reference prefix, count. The emulator's secret comes in the environment (PLAID_PARTNER_RACE_SECRET), never
    /// on the command line, where other users of the machine could read it.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length != 6)
            {
                await Console.Error.WriteLineAsync("usage: race-helper sqlite|postgres CONNECTION EMULATOR_URL CLIENT_ID PREFIX COUNT");
                return 2;
            }

            var options = new EndCustomerLedgerOptions();
            _ = args[0] == "postgres" ? options.UsePostgres(args[1]) : options.UseSqlite(args[1]);
            var client = new PlaidPartnerClient(new PlaidPartnerOptions
            {
                ClientId = args[3],
                Secret = Environment.GetEnvironmentVariable("PLAID_PARTNER_RACE_SECRET"),
                Environment = PlaidEnvironment.Custom(new Uri(args[2]), PlaidEnvironment.Production),
            });
            await using var ledger = new EndCustomerLedger(client, options);
            await ledger.InitializeAsync();
            var count = int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture);

            Console.WriteLine("ready");
            if (await Console.In.ReadLineAsync() != "go")
            {
                return 3;
            }

            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => ledger.OnboardAsync($"{args[4]}{i}", RaceRequest.For(args[4], i, "helper"))));
            foreach (var result in results)
            {
                Console.WriteLine($"{result.Record.Reference} {result.Outcome}");
            }

            return 0;
        }
    }
}
