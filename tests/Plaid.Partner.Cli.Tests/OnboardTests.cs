using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator;

namespace Plaid.Partner.Cli.Tests
{
    public class OnboardTests : EmulatorTestBase
    {
        private static readonly Dictionary<int, string> ThreeBadRows = new()
        {
            [4] = "cust-004,Company 4,Company 4 Inc.,App 4,not a website,auth,true,true,Oakland,US,dev4@c4.example.com",
            [11] = ",Company 11,Company 11 Inc.,App 11,https://c11.example.com,auth,true,true,Oakland,US,dev11@c11.example.com",
            [17] = "cust-017,Company 17,Company 17 Inc.,App 17,https://c17.example.com,auth,maybe,true,Oakland,US,dev17@c17.example.com",
        };

        [Test]
        public async Task A_file_with_3_bad_rows_among_20_lists_each_with_row_and_column_and_sends_nothing()
        {
            var file = CustomerCsv.Write(Folder, 20, ThreeBadRows);

            var run = await Cli.RunAsync(Args("onboard", file));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                // Spreadsheet rows: the header is row 1, so data row 4 is row 5.
                Assert.That(run.Output, Does.Match(@"\|\s*5\s*\|\s*website\s*\|.*not a web address"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*12\s*\|\s*reference\s*\|.*required"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*18\s*\|\s*is_diligence_attested\s*\|.*'maybe' is not true or false"), run.ToString());
                Assert.That(run.Error, Does.Contain("3 of 20 rows have problems; nothing was sent"));
                Assert.That(await CustomersAtEmulatorAsync(), Is.Zero);
            });
        }

        [Test]
        public async Task With_skip_invalid_the_17_valid_rows_go_and_the_exit_code_says_some_failed()
        {
            var file = CustomerCsv.Write(Folder, 20, ThreeBadRows);

            var run = await Cli.RunAsync(Args("onboard", file, "--skip-invalid"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Output.Split('\n').Count(l => l.Contains(": created ", System.StringComparison.Ordinal)), Is.EqualTo(17), run.ToString());
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(17));
            });
        }

        [Test]
        public async Task Dry_run_checks_every_row_and_sends_nothing()
        {
            var file = CustomerCsv.Write(Folder, 20);

            var run = await Cli.RunAsync(Args("onboard", file, "--dry-run"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.ToString());
                Assert.That(run.Error, Does.Contain("20 rows are valid, 0 are not; nothing was sent (--dry-run)"));
                Assert.That(await CustomersAtEmulatorAsync(), Is.Zero);
            });
        }

        [Test]
        public async Task The_same_file_twice_sends_nothing_the_second_time()
        {
            var file = CustomerCsv.Write(Folder, 20);

            var first = await Cli.RunAsync(Args("onboard", file));
            var second = await Cli.RunAsync(Args("onboard", file));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.ExitCode, Is.Zero, first.ToString());
                Assert.That(second.ExitCode, Is.Zero, second.ToString());
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(20));
                Assert.That(second.Output.Split('\n').Count(l => l.Contains("already recorded", System.StringComparison.Ordinal)), Is.EqualTo(20), second.ToString());
                Assert.That(second.Output, Does.Not.Contain(": created "));
            });
        }

        [Test]
        public async Task A_run_stopped_mid_file_is_resumed_by_a_second_run_that_sends_only_the_rest()
        {
            var file = CustomerCsv.Write(Folder, 20);
            using var stop = new CancellationTokenSource();

            // As Ctrl+C after the 8th customer: the run stops between customers.
            var first = await Cli.RunAsync(Args("onboard", file, "--parallel", "1"), done => { if (done == 8) { stop.Cancel(); } }, stop.Token);
            var afterFirst = await CustomersAtEmulatorAsync();
            var second = await Cli.RunAsync(Args("onboard", file, "--parallel", "1"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.ExitCode, Is.EqualTo(1), first.ToString());
                Assert.That(first.Error, Does.Contain("12 rows were not reached"));
                Assert.That(afterFirst, Is.EqualTo(8));
                Assert.That(second.ExitCode, Is.Zero, second.ToString());
                Assert.That(second.Output.Split('\n').Count(l => l.Contains(": created ", System.StringComparison.Ordinal)), Is.EqualTo(12), second.ToString());
                Assert.That(second.Output.Split('\n').Count(l => l.Contains("already recorded", System.StringComparison.Ordinal)), Is.EqualTo(8), second.ToString());
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(20));
            });
        }

        [Test]
        public async Task A_create_whose_answer_is_lost_is_in_doubt_never_resent_and_settled_as_not_created_goes_again()
        {
            var file = CustomerCsv.Write(Folder, 5);
            await Emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));

            var first = await Cli.RunAsync(Args("onboard", file, "--parallel", "1"));
            var second = await Cli.RunAsync(Args("onboard", file, "--parallel", "1"));
            var settle = await Cli.RunAsync(Args("settle", "cust-001", "--not-created"));
            var third = await Cli.RunAsync(Args("onboard", file, "--parallel", "1"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.ExitCode, Is.EqualTo(3), first.ToString());
                Assert.That(first.Output, Does.Contain("row 2 cust-001: in_doubt"));
                Assert.That(first.Error, Does.Contain("settle cust-001 --client-id <its client_id>"));
                Assert.That(first.Error, Does.Contain("settle cust-001 --not-created"));
                Assert.That(second.ExitCode, Is.EqualTo(3), second.ToString());
                Assert.That(settle.ExitCode, Is.Zero, settle.ToString());
                Assert.That(third.ExitCode, Is.Zero, third.ToString());
                Assert.That(third.Output, Does.Match("row 2 cust-001: created "));
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(5));
            });
        }

        [Test]
        public async Task Json_gives_one_line_per_customer_and_a_summary_that_parse()
        {
            var file = CustomerCsv.Write(Folder, 3);

            var run = await Cli.RunAsync(Args("--json", "onboard", file));

            var lines = run.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.ToString());
                Assert.That(lines.Select(l => l.GetProperty("type").GetString()), Is.EqualTo(new[] { "customer", "customer", "customer", "summary" }));
                Assert.That(lines.Take(3).Select(l => l.GetProperty("reference").GetString()), Is.EquivalentTo(new[] { "cust-001", "cust-002", "cust-003" }));
                Assert.That(lines[3].GetProperty("created").GetInt32(), Is.EqualTo(3));
                var clientIds = (await Emulator.GetCustomersAsync()).Select(c => c.ClientId);
                Assert.That(lines.Take(3).Select(l => l.GetProperty("client_id").GetString()), Is.EquivalentTo(clientIds));
            });
        }
    }
}
