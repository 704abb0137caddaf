using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// <c>dotnet run --project src/Plaid.Partner.Emulator [-- --port 5080 --environment sandbox …]</c>, or the
    /// <c>plaid-partner-emulator</c> dotnet tool (src/Plaid.Partner.Emulator.Tool): the emulator on its own, until
    /// Ctrl+C or SIGTERM. Settings come from the command line or PLAID_EMULATOR_* environment variables.
    /// </summary>
    internal static class Program
    {
        public const int DefaultPort = 5080;
        public const string DefaultClientId = "emulator_client_id";
        public const string DefaultSecret = "emulator_secret";

        /// <summary>How <see cref="Main"/> is started, as its usage shows it.</summary>
        public const string RunFromSourceCommand = "dotnet run --project src/Plaid.Partner.Emulator --";

        private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
        {
            ["--port"] = "Port",
            ["--environment"] = "Environment",
            ["--client-id"] = "ClientId",
            ["--secret"] = "Secret",
            ["--webhook-url"] = "WebhookUrl",
            ["--new-customer-status"] = "NewCustomerStatus",
            ["--seed"] = "Seed",
        };

        /// <summary>The switches the command line accepts, as the usage names them.</summary>
        internal static IReadOnlyCollection<string> SwitchNames => Switches.Keys;

        public static Task<int> Main(string[] args) => RunAsync(args, RunFromSourceCommand);

        /// <summary>Runs the emulator until a stop signal; <paramref name="command"/> is how the usage says to start it.</summary>
        public static async Task<int> RunAsync(string[] args, string command)
        {
            if (args.Any(a => a is "--help" or "-h" or "-?"))
            {
                Console.WriteLine(Usage(command));
                return 0;
            }

            PlaidPartnerEmulatorOptions options;
            try
            {
                options = ReadOptions(args);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                return Refuse(e.Message, command);
            }

            using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));
            options.LoggerFactory = loggerFactory;

            PlaidPartnerEmulator emulator;
            try
            {
                emulator = await PlaidPartnerEmulator.StartAsync(options).ConfigureAwait(false);
            }
            catch (EmulatorSeedException e)
            {
                // The file, the JSON path and the reason; the usage would only hide them.
                Console.Error.WriteLine($"plaid-partner-emulator: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is ArgumentException or System.IO.IOException)
            {
                // A setting StartAsync checks (port range, a non-loopback webhook URL) or a port already taken.
                return Refuse(e.Message, command);
            }

            await using var stopEmulator = emulator.ConfigureAwait(false);
            var secret = emulator.Secret;
            Console.WriteLine($"Plaid Partner emulator ({options.Environment.Name}) listening on {emulator.BaseAddress}");
            Console.WriteLine($"  PLAID-CLIENT-ID {emulator.ClientId}   PLAID-SECRET ****{secret[Math.Max(0, secret.Length - 4)..]}   webhooks to {options.WebhookUrl?.ToString() ?? "(none)"}");
            Console.WriteLine($"  console:  {emulator.ConsoleAddress}");
            if (options.SeedFile is not null)
            {
                Console.WriteLine($"  seeded from {options.SeedFile} (POST {PlaidPartnerEmulator.ControlPathPrefix}/reset returns to it)");
            }

            Console.WriteLine($"  controls: {emulator.BaseAddress.AbsoluteUri.TrimEnd('/')}{PlaidPartnerEmulator.ControlPathPrefix}   Ctrl+C stops.");

            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.TrySetResult();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await stop.Task.ConfigureAwait(false);
            return 0;
        }

        private static int Refuse(string problem, string command)
        {
            Console.Error.WriteLine($"plaid-partner-emulator: {problem}");
            Console.Error.WriteLine(Usage(command));
            return 2;
        }

        /// <summary>The options from PLAID_EMULATOR_* variables, overridden by the command line.</summary>
        internal static PlaidPartnerEmulatorOptions ReadOptions(string[] args)
        {
            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables("PLAID_EMULATOR_")
                .AddCommandLine(args, Switches)
                .Build();
            var unknown = configuration.AsEnumerable().Select(p => p.Key).Where(k => !Switches.Values.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"unknown setting(s): {string.Join(", ", unknown)}");
            }

            var options = new PlaidPartnerEmulatorOptions
            {
                Environment = PlaidEnvironment.Parse(configuration["Environment"] ?? "production"),
                ClientId = configuration["ClientId"] ?? DefaultClientId,
                Secret = configuration["Secret"] ?? DefaultSecret,
                Port = configuration["Port"] is { } port ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : DefaultPort,
                WebhookUrl = configuration["WebhookUrl"] is { } url ? new Uri(url, UriKind.Absolute) : null,
                SeedFile = configuration["Seed"],
            };
            if (configuration["NewCustomerStatus"] is { } status)
            {
                options.NewCustomerStatus = new PartnerEndCustomerStatus(status.Trim().ToUpperInvariant());
            }

            return options;
        }

        private static string Usage(string command) => $"""
            Usage: {command} [options]
              --port N                     port on 127.0.0.1 (default {DefaultPort}; 0 = a free one)
              --environment NAME           production (default) or sandbox
              --client-id ID               the PLAID-CLIENT-ID to accept (default {DefaultClientId})
              --secret SECRET              the PLAID-SECRET to accept (default {DefaultSecret})
              --webhook-url URL            where to POST webhooks (loopback only; default none)
              --new-customer-status S      UNDER_REVIEW (default), PENDING_ENABLEMENT or DENIED
              --seed FILE                  start from (and reset to) the end customers and partner settings in FILE (JSON);
                                           one that does not validate stops the emulator with exit code 2
            Each can also be set as PLAID_EMULATOR_<Name>, e.g. PLAID_EMULATOR_PORT=5081 (the seed: PLAID_EMULATOR_SEED).
            Example: {command} --port 5080 --webhook-url http://127.0.0.1:5099/webhooks --seed seeds/example.json
            Exit codes: 0 stopped by Ctrl+C or SIGTERM; 2 a bad option or seed file.
            """;
    }
}
