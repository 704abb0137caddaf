using Plaid.Partner.Cli.Settings;

namespace Plaid.Partner.Cli.Hosting
{
    /// <summary>The client and the ledger of one command, built from its settings and disposed when it ends.</summary>
    internal sealed class LedgerSession : IAsyncDisposable
    {
        // Commands that only read or settle the ledger never call Plaid, so they run without PLAID_CLIENT_ID and
        // PLAID_SECRET; the ledger still takes a client, which gets these inert values and is never used.
        private const string LedgerOnlyClientId = "plaid-partner-ledger-only";
        private const string LedgerOnlySecret = "not-a-secret";

        private LedgerSession(PlaidPartnerClient client, EndCustomerLedger ledger, LedgerLocation location)
        {
            Client = client;
            Ledger = ledger;
            Location = location;
        }

        public PlaidPartnerClient Client { get; }

        public EndCustomerLedger Ledger { get; }

        public LedgerLocation Location { get; }

        /// <summary>Opens the ledger (creating its file, folder and tables if missing) with a client for its environment.</summary>
        /// <param name="settings">The run's settings.</param>
        /// <param name="needsPlaid">True when the command calls Plaid: its credentials must then be set.</param>
        /// <param name="cancellationToken">Cancels the opening.</param>
        public static async Task<LedgerSession> OpenAsync(CliSettings settings, bool needsPlaid, CancellationToken cancellationToken)
        {
            var location = settings.RequireLedger();
            PlaidPartnerOptions plaid;
            if (needsPlaid)
            {
                plaid = settings.RequirePlaid();
            }
            else
            {
                var environment = settings.Environment();
                plaid = new PlaidPartnerOptions
                {
                    ClientId = LedgerOnlyClientId,
                    Secret = LedgerOnlySecret,
                    Environment = environment.IsProduction ? PlaidEnvironment.Production : PlaidEnvironment.Sandbox,
                    BaseAddress = environment.IsCustom ? environment.BaseAddress : null,
                };
            }

            var options = new EndCustomerLedgerOptions();
            if (location.SqlitePath is { } path)
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new SettingsException($"--ledger: the folder of '{path}' cannot be created: {e.Message}");
                }

                options.UseSqlite(path);
            }
            else
            {
                options.UsePostgres(location.PostgresConnectionString!);
            }

            var client = new PlaidPartnerClient(plaid);
            var ledger = new EndCustomerLedger(client, options);
            try
            {
                await ledger.InitializeAsync(cancellationToken);
            }
            catch (LedgerStoreException e)
            {
                await ledger.DisposeAsync();
                throw new SettingsException($"{(location.SqlitePath is null ? CliSettings.LedgerVariable : "--ledger")}: the ledger ({location}) cannot be opened: {e.Message}");
            }

            return new LedgerSession(client, ledger, location);
        }

        public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
    }
}
