namespace Plaid.Partner.Cli.Settings
{
    /// <summary>
    /// The settings of one run, from the global options and the environment (the command line wins). Reading them checks
    /// nothing that a command may not need; <see cref="RequirePlaid"/> and <see cref="RequireLedger"/> check what it does,
    /// each failing with one line that names the setting.
    /// </summary>
    internal sealed class CliSettings
    {
        public const string ClientIdVariable = "PLAID_CLIENT_ID";
        public const string SecretVariable = "PLAID_SECRET";
        public const string EnvironmentVariable = "PLAID_ENV";
        public const string LedgerVariable = "PLAID_PARTNER_LEDGER";

        /// <summary>Where <c>plaid-partner emulator</c> listens unless told otherwise (the emulator's default port).</summary>
        public static readonly string DefaultEmulatorAddress = $"http://127.0.0.1:{Emulator.Program.DefaultPort}/";

        /// <summary>The credentials <c>plaid-partner emulator</c> accepts unless told otherwise, used with --emulator when none are set.</summary>
        public static readonly (string ClientId, string Secret) EmulatorCredentials = (Emulator.Program.DefaultClientId, Emulator.Program.DefaultSecret);

        private readonly string? _clientId;
        private readonly string? _secret;
        private readonly string? _environment;
        private readonly string? _emulator;
        private readonly bool _useEmulator;
        private readonly string? _ledgerPath;
        private readonly string? _ledgerConnectionString;
        private readonly Func<string> _dataFolder;

        private CliSettings(ParseResult result, GlobalOptions options, CliHost host, Func<string> dataFolder)
        {
            Json = result.GetValue(options.Json);
            _useEmulator = GlobalOptions.Given(result, options.Emulator);
            _emulator = result.GetValue(options.Emulator);
            _clientId = NonEmpty(host.Environment(ClientIdVariable));
            _secret = NonEmpty(host.Environment(SecretVariable));
            _environment = NonEmpty(result.GetValue(options.Environment)) ?? NonEmpty(host.Environment(EnvironmentVariable));
            _ledgerPath = GlobalOptions.Given(result, options.Ledger) ? result.GetValue(options.Ledger) ?? string.Empty : null;
            _ledgerConnectionString = NonEmpty(host.Environment(LedgerVariable));
            _dataFolder = dataFolder;
        }

        /// <summary>--json: JSON on stdout instead of tables.</summary>
        public bool Json { get; }

        public static CliSettings Read(ParseResult result, GlobalOptions options, CliHost host) =>
            new(result, options, host, () => System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData));

        /// <summary>For tests: a data folder of their own instead of the user's.</summary>
        internal static CliSettings Read(ParseResult result, GlobalOptions options, CliHost host, string dataFolder) =>
            new(result, options, host, () => dataFolder);

        /// <summary>The environment requests go to (a custom one at the emulator's address with --emulator).</summary>
        public PlaidEnvironment Environment()
        {
            PlaidEnvironment? standsFor = null;
            if (_environment is not null && !PlaidEnvironment.TryParse(_environment, out standsFor))
            {
                throw new SettingsException($"{EnvironmentVariable} / --env: '{_environment}' is not a Plaid environment; use production or sandbox.");
            }

            if (!_useEmulator)
            {
                return standsFor ?? throw new SettingsException($"{EnvironmentVariable} is not set: set it (or --env) to production or sandbox, or use --emulator.");
            }

            var text = _emulator ?? DefaultEmulatorAddress;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var address))
            {
                throw new SettingsException($"--emulator: '{text}' is not an absolute URL such as {DefaultEmulatorAddress}.");
            }

            try
            {
                // The emulator behaves as Production unless started with --environment sandbox.
                return PlaidEnvironment.Custom(address, standsFor ?? PlaidEnvironment.Production);
            }
            catch (ArgumentException)
            {
                throw new SettingsException($"--emulator: '{text}' must be http on 127.0.0.1, [::1] or localhost, or https.");
            }
        }

        /// <summary>The client's settings; the credentials must be set unless --emulator supplies its defaults.</summary>
        public PlaidPartnerOptions RequirePlaid()
        {
            var environment = Environment();
            var clientId = _clientId ?? (_useEmulator ? EmulatorCredentials.ClientId : null)
                ?? throw new SettingsException($"{ClientIdVariable} is not set: set it to your reseller team's Plaid client_id.");
            var secret = _secret ?? (_useEmulator ? EmulatorCredentials.Secret : null)
                ?? throw new SettingsException($"{SecretVariable} is not set: set it to your reseller team's secret for {environment.Name}.");
            return new PlaidPartnerOptions
            {
                ClientId = clientId,
                Secret = secret,
                Environment = environment.IsProduction ? PlaidEnvironment.Production : PlaidEnvironment.Sandbox,
                BaseAddress = environment.IsCustom ? environment.BaseAddress : null,
            };
        }

        /// <summary>
        /// The ledger: --ledger's file, else <see cref="LedgerVariable"/>'s PostgreSQL database, else a SQLite file per
        /// environment in the user's data folder, so that emulator, Sandbox and Production records never mix.
        /// </summary>
        public LedgerLocation RequireLedger()
        {
            if (_ledgerPath is not null)
            {
                if (_ledgerPath.Trim().Length == 0)
                {
                    throw new SettingsException("--ledger: give the path of the ledger's SQLite file.");
                }

                return LedgerLocation.Sqlite(Path.GetFullPath(_ledgerPath));
            }

            if (_ledgerConnectionString is not null)
            {
                if (!_ledgerConnectionString.Contains('=', StringComparison.Ordinal))
                {
                    // Not quoted back: a connection string may carry a password.
                    throw new SettingsException($"{LedgerVariable}: not a PostgreSQL connection string (Host=...;Database=...); use --ledger for a SQLite file.");
                }

                return LedgerLocation.Postgres(_ledgerConnectionString);
            }

            var dataFolder = _dataFolder();
            if (string.IsNullOrWhiteSpace(dataFolder))
            {
                throw new SettingsException($"--ledger: this machine has no user data folder; give the ledger's SQLite file with --ledger or a database with {LedgerVariable}.");
            }

            return LedgerLocation.Sqlite(Path.Combine(dataFolder, "plaid-partner", $"ledger-{FileLabel(Environment())}.db"));
        }

        // production.db, sandbox.db, or emulator-5080.db: the emulator forgets its customers when it stops, so its records
        // are kept apart from real ones, per port.
        private static string FileLabel(PlaidEnvironment environment) =>
            !environment.IsCustom ? environment.Name
            : environment.BaseAddress.IsLoopback ? $"emulator-{environment.BaseAddress.Port}"
            : $"{environment.Name}-{environment.BaseAddress.Host}-{environment.BaseAddress.Port}";

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
