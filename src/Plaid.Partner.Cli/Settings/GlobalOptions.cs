namespace Plaid.Partner.Cli.Settings
{
    /// <summary>The options every command takes (recursive: they may stand before or after the command's name).</summary>
    internal sealed class GlobalOptions
    {
        public Option<bool> Json { get; } = new("--json")
        {
            Description = "Write JSON to stdout instead of tables (JSON lines for commands that stream); diagnostics stay on stderr.",
            Recursive = true,
        };

        public Option<string?> Emulator { get; } = new("--emulator")
        {
            Description = $"Talk to a local emulator (plaid-partner emulator) instead of Plaid, at URL (default {CliSettings.DefaultEmulatorAddress}); "
                + "its default credentials are used unless PLAID_CLIENT_ID / PLAID_SECRET are set.",
            HelpName = "URL",
            Arity = ArgumentArity.ZeroOrOne,
            Recursive = true,
        };

        public Option<string?> Environment { get; } = new("--env")
        {
            Description = $"production or sandbox (or {CliSettings.EnvironmentVariable}); required unless --emulator, which stands for production. "
                + $"Credentials come from {CliSettings.ClientIdVariable} and {CliSettings.SecretVariable} only: on a command line, other users and shell history would see them.",
            HelpName = "NAME",
            Recursive = true,
        };

        public Option<string?> Ledger { get; } = new("--ledger")
        {
            Description = $"The ledger's SQLite file (default: one per environment in your data folder). {CliSettings.LedgerVariable}, a PostgreSQL connection string, "
                + "shares one ledger between machines; --ledger wins over it.",
            HelpName = "PATH",
            Recursive = true,
        };

        public Option[] All => new Option[] { Json, Emulator, Environment, Ledger };

        /// <summary>True when the option was on the command line, with or without a value.</summary>
        public static bool Given(ParseResult result, Option option) => result.GetResult(option) is not null;

        /// <summary>Only here so the array above reads as the list of global options.</summary>
        public override string ToString() => string.Join(", ", Array.ConvertAll(All, o => o.Name));
    }
}
