using Plaid.Partner.Cli.Settings;

namespace Plaid.Partner.Cli.Hosting
{
    /// <summary>What every command's action shares: the host, the global options, and the examples its help shows.</summary>
    internal sealed class CommandContext
    {
        private readonly Dictionary<Command, string[]> _examples = new();

        public CommandContext(CliHost host)
        {
            Host = host;
        }

        public CliHost Host { get; }

        public GlobalOptions Options { get; } = new();

        /// <summary>For tests: the user data folder the default ledger lives in.</summary>
        public string? DataFolder { get; init; }

        public IReadOnlyDictionary<Command, string[]> Examples => _examples;

        /// <summary>Adds the examples --help shows after the command's options; every command has at least one.</summary>
        public Command WithExamples(Command command, params string[] examples)
        {
            _examples[command] = examples;
            return command;
        }

        public CliSettings Settings(ParseResult result) =>
            DataFolder is null ? CliSettings.Read(result, Options, Host) : CliSettings.Read(result, Options, Host, DataFolder);

        public CliOutput Output(CliSettings settings) => new(Host, settings.Json);
    }
}
