using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>`plaid-partner emulator` is the emulator tool's own command line: its options, refusals and exit codes.</summary>
    public class EmulatorCommandTests
    {
        [Test]
        public async Task A_bad_option_is_refused_with_exit_code_2_as_the_emulator_tool_does()
        {
            var (exitCode, _, error) = await ConsoleCapture.RunAsync(async () =>
                (await new CliRun(System.IO.Path.GetTempPath()).RunAsync("emulator", "--port", "not-a-port")).ExitCode);

            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Usage: plaid-partner emulator [options]"));
        }
    }
}
