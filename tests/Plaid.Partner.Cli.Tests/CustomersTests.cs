using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Cli.Tests
{
    public class CustomersTests : EmulatorTestBase
    {
        [Test]
        public async Task List_json_parses_and_holds_what_the_table_shows()
        {
            var file = CustomerCsv.Write(Folder, 4);
            Assert.That((await Cli.RunAsync(Args("onboard", file))).ExitCode, Is.Zero);

            var table = await Cli.RunAsync(Args("customers", "list"));
            var json = await Cli.RunAsync(Args("customers", "list", "--json"));

            using var document = JsonDocument.Parse(json.Output);
            var customers = document.RootElement.GetProperty("customers").EnumerateArray().ToList();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(table.ExitCode, Is.Zero, table.ToString());
                Assert.That(json.ExitCode, Is.Zero, json.ToString());
                Assert.That(json.Error, Is.Empty, "no diagnostics with --json unless something is wrong");
                Assert.That(customers, Has.Count.EqualTo(4));
                var tableRows = table.Output.Split('\n').Where(l => l.StartsWith("| cust-", StringComparison.Ordinal))
                    .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
                Assert.That(tableRows.Select(r => (r[1], r[2], r[4])), Is.EqualTo(customers.Select(c =>
                    (c.GetProperty("reference").GetString(), c.GetProperty("client_id").GetString(), c.GetProperty("status").GetString()))));
                Assert.That((await Emulator.GetCustomersAsync()).Select(c => c.ClientId), Is.EquivalentTo(tableRows.Select(r => r[2])));
            });
        }

        [Test]
        public async Task List_with_a_status_shows_only_the_end_customers_last_seen_in_it()
        {
            var file = CustomerCsv.Write(Folder, 3);
            Assert.That((await Cli.RunAsync(Args("onboard", file))).ExitCode, Is.Zero);

            var underReview = await Cli.RunAsync(Args("--json", "customers", "list", "--status", "under_review"));
            var active = await Cli.RunAsync(Args("--json", "customers", "list", "--status", "ACTIVE"));

            using var reviewed = JsonDocument.Parse(underReview.Output);
            using var none = JsonDocument.Parse(active.Output);
            Assert.That(reviewed.RootElement.GetProperty("customers").GetArrayLength(), Is.EqualTo(3), underReview.ToString());
            Assert.That(none.RootElement.GetProperty("customers").GetArrayLength(), Is.Zero, active.ToString());
        }

        [Test]
        public async Task List_stuck_shows_only_the_end_customer_with_a_registration_flagged_stuck()
        {
            Assert.That((await Cli.RunAsync(Args("onboard", CustomerCsv.Write(Folder, 3)))).ExitCode, Is.Zero);
            var stuck = (await Emulator.GetCustomersAsync()).Single(c => c.CompanyName == "Company 2");
            await Emulator.SetOAuthStatusAsync(stuck.ClientId, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, "Application logo is required");
            var before = await Cli.RunAsync(Args("customers", "list", "--stuck", "--json"));
            Assert.That((await Cli.RunAsync(Args("refresh", "--all"))).ExitCode, Is.Zero);

            var table = await Cli.RunAsync(Args("customers", "list", "--stuck"));
            var json = await Cli.RunAsync(Args("customers", "list", "--stuck", "--json"));
            var both = await Cli.RunAsync(Args("customers", "list", "--stuck", "--due"));

            using var beforeDocument = JsonDocument.Parse(before.Output);
            using var document = JsonDocument.Parse(json.Output);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(beforeDocument.RootElement.GetProperty("customers").GetArrayLength(), Is.Zero, "nothing is flagged before a refresh reads it");
                Assert.That(table.ExitCode, Is.Zero, table.ToString());
                var rows = table.Output.Split('\n').Where(l => l.StartsWith("| cust-", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
                Assert.That(rows.Select(r => (r[1], r[2])), Is.EqualTo(new[] { ("cust-002", stuck.ClientId) }));
                Assert.That(json.ExitCode, Is.Zero, json.ToString());
                Assert.That(json.Error, Is.Empty);
                var customers = document.RootElement.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("reference").GetString());
                Assert.That(customers, Is.EqualTo(new[] { "cust-002" }));
                Assert.That(both.ExitCode, Is.EqualTo(2), both.ToString());
                Assert.That(both.Error, Does.Contain("choose one of"));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task Without_ledger_the_records_go_to_one_file_per_environment_in_the_user_data_folder()
        {
            var file = CustomerCsv.Write(Folder, 1);

            var run = await Cli.RunAsync("--emulator", Emulator.BaseAddress.ToString(), "onboard", file);

            var expected = Path.Combine(Cli.DataFolder, "plaid-partner", $"ledger-emulator-{Emulator.BaseAddress.Port}.db");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(File.Exists(expected), Is.True, expected);
            Assert.That(File.Exists(LedgerPath), Is.False);
        }

        [Test]
        public async Task Show_gives_the_record_with_its_status_history()
        {
            var file = CustomerCsv.Write(Folder, 1);
            Assert.That((await Cli.RunAsync(Args("onboard", file))).ExitCode, Is.Zero);

            var show = await Cli.RunAsync(Args("customers", "show", "cust-001", "--json"));

            using var document = JsonDocument.Parse(show.Output);
            var record = document.RootElement;
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(show.ExitCode, Is.Zero, show.ToString());
                Assert.That(record.GetProperty("reference").GetString(), Is.EqualTo("cust-001"));
                Assert.That(record.GetProperty("client_id").GetString(), Is.EqualTo((await Emulator.GetCustomersAsync()).Single().ClientId));
                Assert.That(record.GetProperty("status_history").EnumerateArray().Select(c => c.GetProperty("status").GetString()), Is.EqualTo(new[] { "UNDER_REVIEW" }));
            });
        }

        [Test]
        public async Task Show_of_an_unknown_reference_says_so_on_stderr_and_exits_1()
        {
            var show = await Cli.RunAsync(Args("customers", "show", "nobody"));

            Assert.That(show.ExitCode, Is.EqualTo(1), show.ToString());
            Assert.That(show.Error, Does.Contain("has no end customer 'nobody'"));
            Assert.That(show.Output, Is.Empty);
        }

        [Test]
        public async Task Secrets_go_only_to_the_secrets_file_which_only_its_owner_may_read()
        {
            var file = CustomerCsv.Write(Folder, 2);
            var secretsPath = Path.Combine(Folder, "secrets.jsonl");

            var run = await Cli.RunAsync(Args("onboard", file, "--secrets-out", secretsPath));

            var lines = File.ReadAllLines(secretsPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var secrets = lines.Select(l => l.GetProperty("production").GetString()!).ToList();
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(lines.Select(l => l.GetProperty("reference").GetString()), Is.EquivalentTo(new[] { "cust-001", "cust-002" }));
            Assert.That(secrets, Has.All.Not.Empty);
            Assert.That(secrets.Where(s => run.Output.Contains(s, StringComparison.Ordinal) || run.Error.Contains(s, StringComparison.Ordinal)), Is.Empty);
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(secretsPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }
    }
}
