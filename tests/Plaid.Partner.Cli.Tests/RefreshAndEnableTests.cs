using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Cli.Tests
{
    public class RefreshAndEnableTests : EmulatorTestBase
    {
        [Test]
        public async Task Refresh_all_records_a_status_Plaid_changed_and_enable_all_pending_enables_it()
        {
            var file = CustomerCsv.Write(Folder, 3);
            Assert.That((await Cli.RunAsync(Args("onboard", file))).ExitCode, Is.Zero);
            var reviewed = (await Emulator.GetCustomersAsync()).First(c => c.CompanyName == "Company 2");
            await Emulator.SetCustomerStatusAsync(reviewed.ClientId, PartnerEndCustomerStatus.PendingEnablement);
            var secretsPath = Path.Combine(Folder, "enable-secrets.jsonl");

            var refresh = await Cli.RunAsync(Args("--json", "refresh", "--all"));
            var pending = await Cli.RunAsync(Args("--json", "customers", "list", "--status", "PENDING_ENABLEMENT"));
            var enable = await Cli.RunAsync(Args("enable", "--all-pending", "--secrets-out", secretsPath));
            var show = await Cli.RunAsync(Args("--json", "customers", "show", "cust-002"));

            using var summaryDocument = JsonDocument.Parse(refresh.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Last());
            var summary = summaryDocument.RootElement;
            using var pendingDocument = JsonDocument.Parse(pending.Output);
            using var shown = JsonDocument.Parse(show.Output);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refresh.ExitCode, Is.Zero, refresh.ToString());
                Assert.That(summary.GetProperty("read").GetInt32(), Is.EqualTo(3), refresh.ToString());
                Assert.That(summary.GetProperty("failed").GetInt32(), Is.Zero, refresh.ToString());
                Assert.That(pendingDocument.RootElement.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("reference").GetString()), Is.EqualTo(new[] { "cust-002" }));
                Assert.That(enable.ExitCode, Is.Zero, enable.ToString());
                Assert.That(enable.Output, Does.Contain($"cust-002: enabled {reviewed.ClientId} ACTIVE"));
                Assert.That((await Emulator.GetCustomersAsync()).Single(c => c.ClientId == reviewed.ClientId).Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(shown.RootElement.GetProperty("status_history").EnumerateArray().Select(c => c.GetProperty("status").GetString()),
                    Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE" }));
                using var secrets = JsonDocument.Parse(File.ReadAllLines(secretsPath).Single());
                var secret = secrets.RootElement.GetProperty("production").GetString()!;
                Assert.That(secret, Is.Not.Empty);
                Assert.That(enable.Output + enable.Error, Does.Not.Contain(secret));
            });
        }

        [Test]
        public async Task Refresh_of_an_unknown_reference_fails_with_exit_1_and_without_a_target_is_a_usage_error()
        {
            var unknown = await Cli.RunAsync(Args("refresh", "nobody"));
            var neither = await Cli.RunAsync(Args("refresh"));

            Assert.That(unknown.ExitCode, Is.EqualTo(1), unknown.ToString());
            Assert.That(unknown.Output, Is.Empty);
            Assert.That(neither.ExitCode, Is.EqualTo(2), neither.ToString());
        }
    }
}
