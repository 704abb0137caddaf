using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Emulator.Tests
{
    [NonParallelizable] // redirects Console
    public class ProgramTests
    {
        [TestCase("--port", "not-a-number")]
        [TestCase("--environment", "development")]
        [TestCase("--colour", "blue")]
        public async Task Bad_arguments_exit_2_with_the_usage(string name, string value)
        {
            var (exitCode, _, error) = await RunAsync(name, value);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(2));
                Assert.That(error, Does.Contain("Usage:"));
            });
        }

        [Test]
        public async Task Help_exits_0_and_lists_every_switch()
        {
            var (exitCode, output, _) = await RunAsync("--help");

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0));
                Assert.That(output, Does.Contain("--port").And.Contain("--environment").And.Contain("--client-id").And.Contain("--secret").And.Contain("--webhook-url").And.Contain("--new-customer-status"));
            });
        }

        private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
        {
            var (output, error) = (Console.Out, Console.Error);
            using var capturedOut = new StringWriter();
            using var capturedError = new StringWriter();
            Console.SetOut(capturedOut);
            Console.SetError(capturedError);
            try
            {
                var exitCode = await Program.Main(args);
                return (exitCode, capturedOut.ToString(), capturedError.ToString());
            }
            finally
            {
                Console.SetOut(output);
                Console.SetError(error);
            }
        }
    }
}
