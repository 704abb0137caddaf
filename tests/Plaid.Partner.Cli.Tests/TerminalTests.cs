using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>
    /// plaid-partner in a real terminal (a tmux pane): the progress bar and the tables a person sees. The test waits on
    /// tmux's own signal (wait-for), sent when the commands end, then reads the pane's text.
    /// </summary>
    [NonParallelizable]
    public class TerminalTests : EmulatorTestBase
    {
        private const string Tmux = "/usr/bin/tmux";

        // A tmux server of the tests' own (-L), so a developer's sessions and their environment stay out of it.
        private const string Socket = "plaid-partner-cli-tests";

        [Test]
        public async Task Onboard_and_refresh_in_a_terminal_show_a_progress_bar_then_list_shows_a_table()
        {
            if (!File.Exists(Tmux))
            {
                ExternalDependency.Missing($"tmux is not installed at {Tmux}", "run 'bash .ci/install-tmux.sh' (Debian's tmux)");
            }

            var file = CustomerCsv.Write(Folder, 20);
            var tool = Path.Combine(AppContext.BaseDirectory, "plaid-partner.dll");
            var session = $"plaid-cli-{Guid.NewGuid():N}"[..24];
            // The pane inherits the tmux server's environment: none of the developer's own Plaid settings reach the tool.
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var cli = $"env -u PLAID_CLIENT_ID -u PLAID_SECRET -u PLAID_ENV -u PLAID_PARTNER_LEDGER {Quote(dotnet)} {Quote(tool)} --emulator {Emulator.BaseAddress} --ledger {Quote(LedgerPath)}";
            var script = Path.Combine(Folder, "run.sh");
            await File.WriteAllTextAsync(script, $"""
                {cli} onboard {Quote(file)}
                echo "onboard exit $?"
                {cli} refresh --all
                echo "refresh exit $?"
                {cli} customers list
                echo "list exit $?"
                {Tmux} -L {Socket} wait-for -S {session}
                """);

            await RunTmuxAsync("new-session", "-d", "-s", session, "-x", "160", "-y", "60", $"bash {Quote(script)}; exec cat");
            try
            {
                // Not a timing sleep: a bound on a hung tool, after which the pane's text says where it stood.
                await RunTmuxAsync("wait-for", session).WaitAsync(TimeSpan.FromMinutes(3));
                var pane = await RunTmuxAsync("capture-pane", "-p", "-t", session, "-S", "-200");

                Assert.That(pane, Does.Contain("Onboarding 20 end customers"), pane);
                Assert.That(pane, Does.Contain("100%"), pane);
                Assert.That(pane, Does.Contain("onboard exit 0"), pane);
                Assert.That(pane, Does.Match(@"Refreshing 20 end customers.*100%"), pane);
                Assert.That(pane, Does.Contain("refresh exit 0"), pane);
                Assert.That(pane, Does.Match(@"│\s*Reference\s*│\s*Client ID\s*│"), pane);
                Assert.That(pane, Does.Contain("cust-020"), pane);
                Assert.That(pane, Does.Contain("list exit 0"), pane);
            }
            finally
            {
                await RunTmuxAsync("kill-session", "-t", session);
            }
        }

        private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static async Task<string> RunTmuxAsync(params string[] args)
        {
            var start = new ProcessStartInfo(Tmux) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add(Socket);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, $"tmux {string.Join(' ', args)}: {error}");
            return output;
        }
    }
}
