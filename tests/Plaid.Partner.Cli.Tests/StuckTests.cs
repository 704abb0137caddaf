using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Cli.Tests
{
    public class StuckTests : EmulatorTestBase
    {
        private const string Message = "Application logo is required";

        [Test]
        public async Task Stuck_lists_a_registration_in_attention_required_with_Plaids_message_after_a_refresh()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 1)))).ExitCode, Is.Zero);
            var customer = (await Emulator.GetCustomersAsync()).Single();
            await Emulator.SetCustomerStatusAsync(customer.ClientId, PartnerEndCustomerStatus.PendingEnablement);
            Assert.That((await Cli.RunAsync(Args("refresh", "--all"))).ExitCode, Is.Zero);
            var enable = await Cli.RunAsync(Args("enable", "--all-pending", "--secrets-out", Path.Combine(Folder, "secrets.jsonl")));
            Assert.That(enable.ExitCode, Is.Zero, enable.ToString());
            await Emulator.SetOAuthStatusAsync(customer.ClientId, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, Message);
            var before = await Cli.RunAsync(Args("--json", "stuck"));
            Assert.That((await Cli.RunAsync(Args("refresh", "--all"))).ExitCode, Is.Zero);

            var table = await Cli.RunAsync(Args("stuck"));
            var json = await Cli.RunAsync(Args("stuck", "--after", "60", "--json"));

            using var beforeDocument = JsonDocument.Parse(before.Output);
            using var document = JsonDocument.Parse(json.Output);
            var stuck = document.RootElement.GetProperty("stuck").EnumerateArray().ToList();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(beforeDocument.RootElement.GetProperty("stuck").GetArrayLength(), Is.Zero, "nothing is flagged before a refresh reads it");
                Assert.That(table.ExitCode, Is.Zero, table.ToString());
                var row = table.Output.Split('\n').Single(l => l.StartsWith("| cust-001", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
                Assert.That(row[2], Is.EqualTo(customer.ClientId));
                Assert.That(row[3], Does.Contain("ins_56"));
                Assert.That(row[4], Is.EqualTo("ATTENTION_REQUIRED"));
                Assert.That(row[5], Is.EqualTo("0").Or.EqualTo("1"), "enabled moments ago (1 only across midnight UTC)");
                Assert.That(row[6], Does.Contain(Message));
                Assert.That(json.ExitCode, Is.Zero, json.ToString());
                Assert.That(json.Error, Is.Empty);
                Assert.That(stuck, Has.Count.EqualTo(1), "ATTENTION_REQUIRED shows whatever --after says");
                Assert.That(stuck[0].GetProperty("reference").GetString(), Is.EqualTo("cust-001"));
                Assert.That(stuck[0].GetProperty("client_id").GetString(), Is.EqualTo((await Emulator.GetCustomersAsync()).Single().ClientId));
                Assert.That(stuck[0].GetProperty("oauth_status").GetString(), Is.EqualTo("ATTENTION_REQUIRED"));
                Assert.That(stuck[0].GetProperty("message").GetString(), Does.Contain(Message));
                Assert.That(stuck[0].GetProperty("business_days_waiting").GetInt32(), Is.InRange(0, 1));
            });
        }

        [Test]
        public async Task Stuck_with_after_out_of_range_is_a_usage_error()
        {
            var run = await Cli.RunAsync(Args("stuck", "--after", "0"));

            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--after"));
        }

        [Test]
        public async Task Stuck_help_has_an_example_and_says_refresh_sets_the_flags()
        {
            var help = await Cli.RunAsync("stuck", "--help");

            Assert.That(help.ExitCode, Is.Zero, help.ToString());
            Assert.That(help.Output, Does.Contain("refresh --all").And.Contain("stuck --after 5 --json").And.Contain("business days"));
        }
    }
}
