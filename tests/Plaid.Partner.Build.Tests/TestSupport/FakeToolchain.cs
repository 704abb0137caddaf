using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Build.Tests.TestSupport
{
    /// <summary>
    /// Runs a copy of build.ps1 with the pinned pwsh (dotnet tool run pwsh) in a scratch folder whose PATH starts with
    /// fake <c>dotnet</c>, <c>git</c> and <c>bash</c> commands: each records its command line, and one chosen command can
    /// fail with a chosen exit code. The fake dotnet also writes what build.ps1 -Ci reads back: the -flp build logs (with
    /// NSwag's "generating" line as often as asked) and a TRX file for the test step.
    /// </summary>
    internal sealed class FakeToolchain : IDisposable
    {
        private const string FakeCommand = """
            #!/bin/sh
            echo "$(basename "$0") $*" >> "$PLAID_FAKE_LOG"
            if [ "$(basename "$0")" = dotnet ]; then
              for arg in "$@"; do
                case "$arg" in -flp:*logfile=*) log="${arg#*logfile=}";; esac
              done
              if [ -n "${log:-}" ]; then
                : > "$log"
                case "$*" in build\ Plaid.Partner.sln*)
                  i=0; while [ "$i" -lt "${PLAID_FAKE_GENERATIONS:-1}" ]; do echo "Plaid.Partner: generating generated/PlaidPartnerApi.g.cs" >> "$log"; i=$((i + 1)); done;;
                esac
              fi
              case "$*" in test\ *--logger\ trx*)
                mkdir -p tests/Fake.Tests/TestResults
                run='<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary outcome="Completed">'
                printf "$run"'<Counters total="%s" passed="%s" failed="%s" /></ResultSummary></TestRun>\n' \
                  $((${PLAID_FAKE_PASSED:-3} + ${PLAID_FAKE_FAILED:-0})) "${PLAID_FAKE_PASSED:-3}" "${PLAID_FAKE_FAILED:-0}" > tests/Fake.Tests/TestResults/fake_net10.0.trx;;
              esac
            fi
            case "$(basename "$0") $*" in "${PLAID_FAKE_FAIL:-(none)}"*) exit "$PLAID_FAKE_EXIT";; esac
            exit 0
            """;

        private readonly string _root = Directory.CreateTempSubdirectory("plaid-build-script-").FullName;
        private readonly Dictionary<string, string> _environment = new();

        public FakeToolchain()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                Assert.Ignore("The fake toolchain is made of POSIX shell scripts.");
            }

            Directory.CreateDirectory(Path.Combine(_root, "bin"));
            Directory.CreateDirectory(Path.Combine(_root, "work", "openapi"));
            Directory.CreateDirectory(Path.Combine(_root, "work", "tests"));
            File.WriteAllText(Path.Combine(_root, "work", "openapi", "plaid-partner.yml"), "openapi: 3.0.0\n");
            File.Copy(Repository.PathOf("build.ps1"), Path.Combine(_root, "work", "build.ps1"));
            foreach (var command in new[] { "dotnet", "git", "bash" })
            {
                var path = Path.Combine(_root, "bin", command);
                File.WriteAllText(path, FakeCommand.ReplaceLineEndings("\n") + "\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }

        /// <summary>The folder build.ps1 runs in (its copy sits there with openapi/ and tests/).</summary>
        public string WorkFolder => Path.Combine(_root, "work");

        private string CommandLog => Path.Combine(_root, "commands.log");

        /// <summary>The first command whose line starts with <paramref name="commandLinePrefix"/> exits with <paramref name="exitCode"/>.</summary>
        public FakeToolchain Failing(string commandLinePrefix, int exitCode)
        {
            _environment["PLAID_FAKE_FAIL"] = commandLinePrefix;
            _environment["PLAID_FAKE_EXIT"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return this;
        }

        public FakeToolchain With(string variable, string value)
        {
            _environment[variable] = value;
            return this;
        }

        /// <summary>Runs build.ps1 with <paramref name="arguments"/>; returns its exit code, output and the fake commands it ran, in order.</summary>
        public async Task<BuildRun> RunAsync(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Repository.Root, // where .config/dotnet-tools.json pins pwsh
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "tool", "run", "pwsh", "--", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", Path.Combine(WorkFolder, "build.ps1") }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PATH"] = Path.Combine(_root, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            start.Environment["PLAID_FAKE_LOG"] = CommandLog;
            start.Environment["NO_COLOR"] = "1";
            foreach (var (name, value) in _environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var commands = File.Exists(CommandLog) ? File.ReadAllLines(CommandLog) : Array.Empty<string>();
            return new BuildRun(process.ExitCode, await output + await error, commands);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }

    internal sealed record BuildRun(int ExitCode, string Output, IReadOnlyList<string> Commands)
    {
        public int IndexOf(string commandLinePrefix) => Commands.ToList().FindIndex(c => c.StartsWith(commandLinePrefix, StringComparison.Ordinal));

        public bool Ran(string commandLinePrefix) => IndexOf(commandLinePrefix) >= 0;

        public string LastLine => Output.TrimEnd().Split('\n')[^1].TrimEnd('\r');

        public override string ToString() => $"exit {ExitCode}\n--- commands\n{string.Join('\n', Commands)}\n--- output\n{Output}";
    }
}
