using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Cli.Hosting;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>A missing or bad setting: one line on stderr that names it, exit code 2, nothing done.</summary>
    public class SettingsTests
    {
        private static CliRun NewCli() => new(Path.Combine(Path.GetTempPath(), "plaid-partner-cli-tests", "settings-data"));

        [Test]
        public async Task Without_an_environment_the_error_names_PLAID_ENV()
        {
            var run = await NewCli().With("PLAID_CLIENT_ID", "id").With("PLAID_SECRET", "s").RunAsync("customers", "list");

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.Contain("PLAID_ENV is not set"));
        }

        [Test]
        public async Task A_retired_or_unknown_environment_is_named()
        {
            var run = await NewCli().With("PLAID_ENV", "development").RunAsync("customers", "list");

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("PLAID_ENV / --env: 'development' is not a Plaid environment"));
        }

        [Test]
        public async Task Onboard_without_credentials_names_PLAID_CLIENT_ID_and_sends_nothing()
        {
            var folder = Path.Combine(Path.GetTempPath(), "plaid-partner-cli-tests", Path.GetRandomFileName());
            Directory.CreateDirectory(folder);
            var file = CustomerCsv.Write(folder, 2);

            var run = await NewCli().With("PLAID_ENV", "production").RunAsync("--ledger", Path.Combine(folder, "l.db"), "onboard", file);

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("PLAID_CLIENT_ID is not set"));
        }

        [Test]
        public async Task A_plain_http_emulator_address_off_loopback_is_refused()
        {
            var run = await NewCli().RunAsync("--emulator", "http://example.com:5080/", "customers", "list");

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--emulator: 'http://example.com:5080/' must be http on 127.0.0.1"));
        }

        [Test]
        public async Task A_ledger_variable_that_is_not_a_connection_string_is_named_without_quoting_it()
        {
            var run = await NewCli().With("PLAID_PARTNER_LEDGER", "hunter2").RunAsync("--emulator", "customers", "list");

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("PLAID_PARTNER_LEDGER: not a PostgreSQL connection string"));
            Assert.That(run.Error, Does.Not.Contain("hunter2"));
        }

        [Test]
        public async Task An_unknown_command_or_option_is_a_usage_error()
        {
            var command = await NewCli().RunAsync("onbaord");
            var option = await NewCli().RunAsync("customers", "list", "--colour");

            Assert.That(command.ExitCode, Is.EqualTo(2), command.ToString());
            Assert.That(option.ExitCode, Is.EqualTo(2), option.ToString());
            Assert.That(option.Error, Does.Contain("--colour"));
        }

        [Test]
        public async Task Settle_needs_exactly_one_of_client_id_and_not_created()
        {
            var both = await NewCli().RunAsync("--emulator", "settle", "a", "--client-id", "x", "--not-created");
            var neither = await NewCli().RunAsync("--emulator", "settle", "a");

            Assert.That(both.ExitCode, Is.EqualTo(2), both.ToString());
            Assert.That(neither.ExitCode, Is.EqualTo(2), neither.ToString());
            Assert.That(neither.Error, Does.Contain("exactly one of --client-id ID and --not-created"));
        }

        /// <summary>Every command in the tree plaid-partner builds (the root as ""), so a new command is checked without listing it here.</summary>
        public static IEnumerable<string> Commands()
        {
            var root = CliApplication.Build(new CommandContext(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, isTerminal: false, CancellationToken.None)));
            var paths = new List<string> { string.Empty };
            void Add(Command command, string prefix)
            {
                foreach (var sub in command.Subcommands)
                {
                    paths.Add(prefix + sub.Name);
                    Add(sub, prefix + sub.Name + " ");
                }
            }

            Add(root, string.Empty);
            return paths;
        }

        [Test]
        public void The_help_check_covers_every_command_the_issue_names()
        {
            Assert.That(
                Commands(),
                Is.SupersetOf(new[] { "onboard", "customers list", "customers show", "refresh", "enable", "remove", "stuck", "settle", "emulator" }));
        }

        [TestCaseSource(nameof(Commands))]
        public async Task Every_command_s_help_has_an_example_and_the_exit_codes(string command)
        {
            var args = (command + " --help").Trim().Split(' ');
            var (exitCode, output, _) = await TestSupport.ConsoleCapture.RunAsync(async () =>
            {
                var run = await NewCli().RunAsync(args);
                System.Console.Out.Write(run.Output);
                return run.ExitCode;
            });

            Assert.That(exitCode, Is.Zero);
            Assert.That(output, Does.Match("Examples?:\\n  plaid-partner"));
            if (command != "emulator")
            {
                Assert.That(output, Does.Contain("Exit codes: 0 ok; 1 some rows or calls failed; 2 usage or configuration error"));
            }
        }
    }
}
