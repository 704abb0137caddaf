using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Cli.Hosting;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>Runs plaid-partner in this process with its own stdout, stderr and environment, as a script would see it.</summary>
    internal sealed class CliRun
    {
        private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

        public CliRun(string dataFolder)
        {
            DataFolder = dataFolder;
        }

        /// <summary>The user data folder the default ledger would live in (a temporary one).</summary>
        public string DataFolder { get; }

        public CliRun With(string variable, string value)
        {
            _environment[variable] = value;
            return this;
        }

        public Task<Result> RunAsync(params string[] args) => RunAsync(args, afterEachCustomer: null, CancellationToken.None);

        public async Task<Result> RunAsync(string[] args, Action<int>? afterEachCustomer, CancellationToken stopping)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var host = new CliHost(output, error, name => _environment.TryGetValue(name, out var value) ? value : null, isTerminal: false, stopping)
            {
                AfterEachCustomer = afterEachCustomer,
            };
            var exitCode = await CliApplication.RunAsync(args, new CommandContext(host) { DataFolder = DataFolder });
            return new Result(exitCode, output.ToString(), error.ToString());
        }

        public sealed record Result(int ExitCode, string Output, string Error)
        {
            public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
        }
    }
}
