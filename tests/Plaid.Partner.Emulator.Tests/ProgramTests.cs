using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests
{
    [NonParallelizable] // redirects Console
    public class ProgramTests
    {
        [TestCase("--port", "not-a-number")]
        [TestCase("--environment", "development")]
        [TestCase("--colour", "blue")]
        [TestCase("--port", "70000")]
        [TestCase("--port", "99999999999")]
        [TestCase("--webhook-url", "http://example.com/hook")]
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

            var listed = Regex.Matches(output, @"^\s+(--[a-z-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0));
                Assert.That(Program.SwitchNames, Has.Count.GreaterThanOrEqualTo(7), "the switches the command line accepts");
                Assert.That(listed, Is.EquivalentTo(Program.SwitchNames), "the usage lists each accepted switch once, and no other");
            });
        }

        [Test]
        public void Settings_come_from_the_command_line_over_plaid_emulator_variables()
        {
            Environment.SetEnvironmentVariable("PLAID_EMULATOR_PORT", "5081");
            Environment.SetEnvironmentVariable("PLAID_EMULATOR_CLIENTID", "from-variable");
            try
            {
                var options = Program.ReadOptions(new[] { "--client-id", "from-switch", "--environment", "Sandbox", "--webhook-url", "http://127.0.0.1:9/hook", "--new-customer-status", "denied" });

                Assert.Multiple(() =>
                {
                    Assert.That(options.Port, Is.EqualTo(5081));
                    Assert.That(options.ClientId, Is.EqualTo("from-switch"));
                    Assert.That(options.Secret, Is.EqualTo(Program.DefaultSecret));
                    Assert.That(options.Environment, Is.EqualTo(PlaidEnvironment.Sandbox));
                    Assert.That(options.WebhookUrl, Is.EqualTo(new Uri("http://127.0.0.1:9/hook")));
                    Assert.That(options.NewCustomerStatus, Is.EqualTo(PartnerEndCustomerStatus.Denied));
                });
            }
            finally
            {
                Environment.SetEnvironmentVariable("PLAID_EMULATOR_PORT", null);
                Environment.SetEnvironmentVariable("PLAID_EMULATOR_CLIENTID", null);
            }
        }

        [Test]
        public void Without_settings_the_documented_defaults_apply()
        {
            var options = Program.ReadOptions(Array.Empty<string>());

            Assert.Multiple(() =>
            {
                Assert.That(options.Port, Is.EqualTo(5080));
                Assert.That(options.ClientId, Is.EqualTo("emulator_client_id"));
                Assert.That(options.Secret, Is.EqualTo("emulator_secret"));
                Assert.That(options.Environment, Is.EqualTo(PlaidEnvironment.Production));
                Assert.That(options.WebhookUrl, Is.Null);
            });
        }

        private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
            ConsoleCapture.RunAsync(() => Program.Main(args));
    }
}
