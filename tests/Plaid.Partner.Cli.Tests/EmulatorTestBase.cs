using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>Each test gets an emulator on a free loopback port, a temporary folder and a ledger file in it.</summary>
    public abstract class EmulatorTestBase
    {
        private protected PlaidPartnerEmulator Emulator { get; private set; } = null!;

        private protected string Folder { get; private set; } = null!;

        private protected string LedgerPath => Path.Combine(Folder, "ledger.db");

        private protected CliRun Cli { get; private set; } = null!;

        [SetUp]
        public async Task StartEmulatorAsync()
        {
            // The credentials `plaid-partner emulator` starts with, which --emulator sends when none are set.
            var (clientId, secret) = Settings.CliSettings.EmulatorCredentials;
            Emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Port = 0, ClientId = clientId, Secret = secret });
            Folder = Path.Combine(Path.GetTempPath(), "plaid-partner-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            Cli = new CliRun(Path.Combine(Folder, "data"));
        }

        [TearDown]
        public async Task StopEmulatorAsync()
        {
            await Emulator.DisposeAsync();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A SQLite handle still closing; the temporary folder is the system's to clean.
            }
        }

        /// <summary>The global options that point a command at this test's emulator and ledger, then the command.</summary>
        private protected string[] Args(params string[] command) =>
            new[] { "--emulator", Emulator.BaseAddress.ToString(), "--ledger", LedgerPath }.Concat(command).ToArray();

        private protected async Task<int> CustomersAtEmulatorAsync() => (await Emulator.GetCustomersAsync()).Count;
    }
}
