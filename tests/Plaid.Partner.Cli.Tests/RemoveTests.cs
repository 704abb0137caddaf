using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator;

namespace Plaid.Partner.Cli.Tests
{
    public class RemoveTests : EmulatorTestBase
    {
        [Test]
        public async Task Remove_without_yes_sends_nothing_says_what_it_would_remove_and_exits_2()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 1)))).ExitCode, Is.Zero);

            var run = await Cli.RunAsync(Args("remove", "cust-001"));
            var show = await Cli.RunAsync(Args("--json", "customers", "show", "cust-001"));

            using var record = JsonDocument.Parse(show.Output);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
                Assert.That(run.Output, Is.Empty);
                Assert.That(run.Error, Does.Contain("Would remove cust-001").And.Contain("Nothing was sent").And.Contain("--yes"));
                Assert.That((await Emulator.GetCustomersAsync()).Single().Removed, Is.False);
                Assert.That(record.RootElement.TryGetProperty("removed_at", out _), Is.False, "a field without a value is left out");
                Assert.That(record.RootElement.GetProperty("reference").GetString(), Is.EqualTo("cust-001"));
            });
        }

        [Test]
        public async Task Remove_yes_removes_it_at_Plaid_and_records_when()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 2)))).ExitCode, Is.Zero);
            var clientId = (await Emulator.GetCustomersAsync()).Single(c => c.CompanyName == "Company 1").ClientId;

            var run = await Cli.RunAsync(Args("remove", "cust-001", "--yes"));
            var show = await Cli.RunAsync(Args("customers", "show", "cust-001"));
            var list = await Cli.RunAsync(Args("customers", "list"));
            var refresh = await Cli.RunAsync(Args("refresh", "cust-001"));

            var atEmulator = await Emulator.GetCustomersAsync();
            var get = Assert.ThrowsAsync<PlaidApiException>(async () => await Emulator.CreateClient().GetEndCustomerAsync(clientId));
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.ToString());
                Assert.That(run.Output, Does.StartWith($"cust-001: removed {clientId} ").And.Contain("UTC"));
                Assert.That(run.Error, Is.Empty);
                Assert.That(atEmulator.Single(c => c.ClientId == clientId).Removed, Is.True);
                Assert.That(atEmulator.Single(c => c.ClientId != clientId).Removed, Is.False, "only the one named");
                Assert.That(get!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound), "Plaid's get no longer finds it");
                Assert.That(refresh.ExitCode, Is.EqualTo(1), refresh.ToString());
                Assert.That(refresh.Error, Does.Contain("removed"), "the ledger refreshes a removed record no more");
                Assert.That(show.Output.Split('\n').Single(l => l.Contains("Removed", StringComparison.Ordinal)), Does.Contain("UTC"), show.ToString());
                var rows = list.Output.Split('\n').Where(l => l.StartsWith("| cust-", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
                Assert.That(rows.Select(r => (r[1], r[4])), Is.EqualTo(new[] { ("cust-001", "UNDER_REVIEW (removed)"), ("cust-002", "UNDER_REVIEW") }));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task Remove_yes_json_parses_and_holds_the_removal_time_and_a_second_remove_says_removed_already()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 1)))).ExitCode, Is.Zero);
            var first = await Cli.RunAsync(Args("--json", "remove", "cust-001", "--yes"));
            // Plaid would refuse a second remove: the command must not send one.
            await Emulator.InjectFaultAsync("/partner/customer/remove", EmulatorFault.Status(400).Times(1));

            var second = await Cli.RunAsync(Args("remove", "cust-001", "--yes"));
            var preview = await Cli.RunAsync(Args("remove", "cust-001"));
            var removed = await Cli.RunAsync(Args("--json", "customers", "list", "--removed"));

            using var document = JsonDocument.Parse(first.Output);
            using var removedList = JsonDocument.Parse(removed.Output);
            var removedAt = document.RootElement.GetProperty("removed_at").GetDateTimeOffset();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.ExitCode, Is.Zero, first.ToString());
                Assert.That(first.Error, Is.Empty);
                Assert.That(document.RootElement.GetProperty("reference").GetString(), Is.EqualTo("cust-001"));
                Assert.That(removedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
                Assert.That(second.ExitCode, Is.Zero, second.ToString());
                Assert.That(second.Output, Does.Contain("cust-001: removed already").And.Contain("nothing was sent"));
                Assert.That(preview.ExitCode, Is.Zero, preview.ToString());
                Assert.That(preview.Error, Does.Contain("removed already"));
                Assert.That(removed.ExitCode, Is.Zero, removed.ToString());
                Assert.That(
                    removedList.RootElement.GetProperty("customers").EnumerateArray().Select(c => (c.GetProperty("reference").GetString(), c.GetProperty("removed_at").GetDateTimeOffset())),
                    Is.EqualTo(new[] { ("cust-001", removedAt) }));
                Assert.That((await Emulator.GetCustomersAsync()).Single().Removed, Is.True);
            });
        }

        [Test]
        public async Task Remove_of_an_unknown_reference_says_so_on_stderr_and_exits_1()
        {
            var run = await Cli.RunAsync(Args("remove", "nobody", "--yes"));

            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain("nobody").And.Contain("not removed"));
            Assert.That(run.Output, Is.Empty);
        }

        [Test]
        public async Task Remove_of_an_ACTIVE_end_customer_is_refused_by_Plaid_with_what_to_do_and_exits_1()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 1)))).ExitCode, Is.Zero);
            var customer = (await Emulator.GetCustomersAsync()).Single();
            await Emulator.SetCustomerStatusAsync(customer.ClientId, PartnerEndCustomerStatus.PendingEnablement);
            Assert.That((await Cli.RunAsync(Args("enable", "cust-001", "--secrets-out", Path.Combine(Folder, "secrets.jsonl")))).ExitCode, Is.Zero);

            var run = await Cli.RunAsync(Args("remove", "cust-001", "--yes"));

            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain(PlaidPartnerErrorCodes.CustomerRemovalNotAllowed).And.Contain("account manager"));
            Assert.That((await Emulator.GetCustomersAsync()).Single().Removed, Is.False);
        }
    }
}
