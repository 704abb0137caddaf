using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// build.ps1 run by the pinned pwsh against a fake toolchain (FakeToolchain): the steps each switch runs, in order,
    /// and a failing step stopping the build with its own exit code.
    /// </summary>
    [Parallelizable(ParallelScope.All)]
    public class BuildScriptRunTests
    {
        private const string Restore = "dotnet restore Plaid.Partner.sln";
        private const string Build = "dotnet build Plaid.Partner.sln";
        private const string Test = "dotnet test Plaid.Partner.sln";
        private const string Quickstart = "dotnet run --project samples/Quickstart --no-build -- --emulator";
        private const string Slice = "dotnet run --project tools/Plaid.Partner.SpecSlicer";
        private const string Benchmarks = "dotnet run -c Release --project benchmarks/Plaid.Partner.Benchmarks";
        private const string NoOpBuild = "dotnet build src/Plaid.Partner/Plaid.Partner.csproj";
        private const string DriftCheck = "git diff --exit-code --stat -- generated/";
        private const string Consumption = "bash .ci/consume-packages.sh";

        [OneTimeSetUp]
        public static void RestoreThePinnedPowerShell()
        {
            using var restore = Process.Start(new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "tool restore")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            restore.StandardOutput.ReadToEnd();
            restore.WaitForExit();
            Assert.That(restore.ExitCode, Is.EqualTo(0), "dotnet tool restore");
        }

        [Test]
        public async Task Alone_it_restores_builds_tests_and_runs_the_quickstart_in_that_order_and_nothing_else()
        {
            using var toolchain = new FakeToolchain();

            var run = await toolchain.RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
                Assert.That(run.Commands, Is.EqualTo(new[] { Restore, Build + " --no-restore", Test + " --no-build", Quickstart }), run.ToString());
            });
        }

        [Test]
        public async Task With_ci_it_adds_the_drift_no_op_benchmark_and_consumption_checks_and_ends_with_the_counts()
        {
            using var toolchain = new FakeToolchain().With("PLAID_FAKE_PASSED", "7");

            var run = await toolchain.RunAsync("-Ci");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
                Assert.That(run.IndexOf(Restore), Is.EqualTo(0), run.ToString());
                Assert.That(run.IndexOf(Build), Is.GreaterThan(run.IndexOf(Restore)), run.ToString());
                Assert.That(run.IndexOf(DriftCheck), Is.GreaterThan(run.IndexOf(Build)), run.ToString());
                Assert.That(run.IndexOf(NoOpBuild), Is.GreaterThan(run.IndexOf(DriftCheck)), run.ToString());
                Assert.That(run.IndexOf(Test + " --no-build --logger trx"), Is.GreaterThan(run.IndexOf(NoOpBuild)), run.ToString());
                Assert.That(run.IndexOf(Quickstart), Is.GreaterThan(run.IndexOf(Test)), run.ToString());
                Assert.That(run.IndexOf(Benchmarks), Is.GreaterThan(run.IndexOf(Quickstart)), run.ToString());
                Assert.That(run.IndexOf(Consumption), Is.GreaterThan(run.IndexOf(Benchmarks)), run.ToString());
                Assert.That(run.Output, Does.Contain("Fake.Tests").And.Contain("net10.0"), "the per-target line");
                Assert.That(run.LastLine, Is.EqualTo("7 passed, 0 failed"), run.ToString());
            });
        }

        [Test]
        public async Task With_a_spec_it_slices_it_before_building_and_shows_what_changed_after_testing()
        {
            using var toolchain = new FakeToolchain();

            var run = await toolchain.RunAsync("-Spec", "openapi/plaid-partner.yml");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
                Assert.That(run.IndexOf(Slice), Is.GreaterThan(run.IndexOf(Restore)).And.LessThan(run.IndexOf(Build)), run.ToString());
                Assert.That(run.Commands[run.IndexOf(Slice)], Does.Contain("-o openapi/plaid-partner.yml"));
                Assert.That(run.IndexOf("git diff --stat -- openapi generated"), Is.GreaterThan(run.IndexOf(Test)).And.LessThan(run.IndexOf(Quickstart)), run.ToString());
            });
        }

        [TestCase(Restore, 1)]
        [TestCase(Build, 3)]
        [TestCase(Test, 5)]
        [TestCase("dotnet run --project samples/Quickstart", 42)]
        public async Task A_failing_step_stops_the_build_with_its_exit_code(string step, int exitCode)
        {
            using var toolchain = new FakeToolchain().Failing(step, exitCode);

            var run = await toolchain.RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
                Assert.That(run.Commands[^1], Does.StartWith(step), "nothing runs after the failing step");
                Assert.That(run.Output, Does.Contain($"failed with exit code {exitCode}"));
            });
        }

        [Test]
        public async Task With_ci_failing_tests_print_the_counts_and_stop_before_the_quickstart()
        {
            using var toolchain = new FakeToolchain().Failing(Test, 1).With("PLAID_FAKE_PASSED", "5").With("PLAID_FAKE_FAILED", "2");

            var run = await toolchain.RunAsync("-Ci");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Output, Does.Contain("\n5 passed, 2 failed"), run.ToString());
                Assert.That(run.Ran(Quickstart), Is.False, run.ToString());
            });
        }

        [TestCase("2", "NSwag ran 2 times")]
        [TestCase("0", "NSwag ran 0 times")]
        public async Task With_ci_the_build_fails_unless_nswag_ran_exactly_once(string generations, string message)
        {
            using var toolchain = new FakeToolchain().With("PLAID_FAKE_GENERATIONS", generations);

            var run = await toolchain.RunAsync("-Ci");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Output, Does.Contain(message));
                Assert.That(run.Ran(Test), Is.False, run.ToString());
            });
        }

        [Test]
        public async Task With_ci_generated_code_that_differs_from_the_commit_fails_the_build()
        {
            using var toolchain = new FakeToolchain().Failing(DriftCheck, 1);

            var run = await toolchain.RunAsync("-Ci");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Output, Does.Contain("generated/ differs from what openapi/ and nswag.json produce"));
                Assert.That(run.Ran(Test), Is.False, run.ToString());
            });
        }
    }
}
