using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tool.Tests
{
    /// <summary>
    /// The plaid-partner-emulator command: its usage names it, bad options exit 2, and the real entry point, run as a
    /// process the way CI scripts run it, serves on the port it prints and stops cleanly on SIGTERM.
    /// (.ci/consume-packages.sh installs the packed tool with dotnet tool install and runs the client against it.)
    /// </summary>
    [NonParallelizable] // redirects Console
    public class ProgramTests
    {
        private const int SigTerm = 15;

        private static string ToolAssembly => Path.Combine(AppContext.BaseDirectory, "Plaid.Partner.Emulator.Tool.dll");

        [Test]
        public async Task Help_exits_0_and_names_the_command_and_every_option()
        {
            var (exitCode, output, _) = await RunInProcessAsync("--help");

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0));
                Assert.That(output, Does.StartWith("Usage: plaid-partner-emulator [options]"));
                Assert.That(output,
                    Does.Contain("--port").And.Contain("--environment").And.Contain("--client-id").And.Contain("--secret").And.Contain("--webhook-url").And.Contain("--new-customer-status"));
            });
        }

        [TestCase("--colour", "blue")]
        [TestCase("--port", "not-a-number")]
        [TestCase("--environment", "development")]
        public async Task A_bad_option_exits_2_with_the_problem_and_the_usage(string name, string value)
        {
            var (exitCode, _, error) = await RunInProcessAsync(name, value);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(2));
                Assert.That(error, Does.StartWith("plaid-partner-emulator: "));
                Assert.That(error, Does.Contain("Usage: plaid-partner-emulator [options]"));
            });
        }

        [Test]
        public async Task As_a_process_it_serves_on_the_port_it_prints_until_SIGTERM_then_exits_0()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                Assert.Ignore("SIGTERM is a POSIX signal.");
            }

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                ArgumentList = { ToolAssembly, "--port", "0" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                var address = await ReadListeningAddressAsync(process.StandardOutput, timeout.Token);
                using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
                using var response = await http.GetAsync(new Uri(address, "/__emulator"), timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);

                Assert.That(kill(process.Id, SigTerm), Is.EqualTo(0), "kill(SIGTERM)");
                await process.WaitForExitAsync(timeout.Token);

                await Assert.MultipleAsync(async () =>
                {
                    Assert.That(address.IsLoopback, Is.True, address.ToString());
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                    Assert.That(body, Does.Contain("/partner/customer/get"));
                    Assert.That(process.ExitCode, Is.EqualTo(0), await errors);
                });
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        /// <summary>The address from the start-up line "Plaid Partner emulator (…) listening on http://127.0.0.1:N/".</summary>
        private static async Task<Uri> ReadListeningAddressAsync(StreamReader output, CancellationToken cancellationToken)
        {
            const string marker = " listening on ";
            while (await output.ReadLineAsync(cancellationToken) is { } line)
            {
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return new Uri(line[(at + marker.Length)..].Trim(), UriKind.Absolute);
                }
            }

            throw new InvalidOperationException("the emulator exited without printing the address it listens on");
        }

        private static Task<(int ExitCode, string Output, string Error)> RunInProcessAsync(params string[] args) =>
            ConsoleCapture.RunAsync(() => Program.Main(args));

        // POSIX kill(2): .NET can send SIGKILL (Process.Kill) but not SIGTERM, which is how CI scripts stop a server.
        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
