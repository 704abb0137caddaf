using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>Rows whose api column is beta go to the beta create; the others to Plaid's create, in one file.</summary>
    public class BetaFileTests : EmulatorTestBase
    {
        private const string Header = "reference,api,company_name,legal_entity_name,application_name,website,products,is_diligence_attested,is_bank_addendum_completed,"
            + "address.street,address.city,address.region,address.postal_code,address.country_code,bank_addendum_acceptance.customer_accepted,"
            + "bank_addendum_acceptance.customer_agreement_timestamp,bank_addendum_acceptance.customer_ip_address";

        private string WriteFile(params string[] rows)
        {
            var path = Path.Combine(Folder, "mixed.csv");
            File.WriteAllText(path, string.Join('\n', rows.Prepend(Header)) + "\n");
            return path;
        }

        [Test]
        public async Task Beta_rows_go_to_the_beta_create_and_what_Plaid_says_is_due_is_recorded()
        {
            var file = WriteFile(
                "ga-1,,Company 1,Company 1 Inc.,App 1,https://c1.example.com,auth,true,true,1 Main St,Oakland,CA,94612,US,,,",
                "ga-2,GA,Company 2,Company 2 Inc.,App 2,https://c2.example.com,auth,true,true,2 Main St,Oakland,CA,94612,US,,,",
                "beta-1,beta,Company 3,,App 3,https://c3.example.com,auth,,,3 Main St,Oakland,CA,94612,US,,,",
                "beta-2,beta,Company 4,Company 4 Inc.,App 4,https://c4.example.com,auth,true,,4 Main St,Oakland,CA,94612,US,true,2026-12-01T14:30:00Z,203.0.113.7");

            var run = await Cli.RunAsync(Args("onboard", file));
            var list = await Cli.RunAsync(Args("--json", "customers", "list"));
            var due = await Cli.RunAsync(Args("--json", "customers", "list", "--due"));

            using var listed = JsonDocument.Parse(list.Output);
            using var dueListed = JsonDocument.Parse(due.Output);
            var records = listed.RootElement.GetProperty("customers").EnumerateArray().ToDictionary(c => c.GetProperty("reference").GetString()!);
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.ToString());
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(4));
                Assert.That(records.ToDictionary(r => r.Key, r => r.Value.GetProperty("api").GetString()), Is.EquivalentTo(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, string?>("ga-1", "GA"),
                    new("ga-2", "GA"),
                    new("beta-1", "BETA"),
                    new("beta-2", "BETA"),
                }));
                Assert.That(
                    records["beta-1"].GetProperty("requirements_due").EnumerateArray().Select(r => r.GetString()),
                    Is.SupersetOf(new[] { "legal_entity_name", "is_diligence_attested", "bank_addendum_acceptance" }),
                    "the beta answer's requirements_due is kept");
                Assert.That(records["beta-2"].GetProperty("requirements_due").EnumerateArray().Select(r => r.GetString()), Is.Empty, "everything given");
                Assert.That(dueListed.RootElement.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("reference").GetString()), Is.EqualTo(new[] { "beta-1" }));
            });
        }

        [Test]
        public async Task A_value_in_a_column_the_rows_create_does_not_have_and_an_unknown_api_are_problems_and_nothing_is_sent()
        {
            var file = WriteFile(
                "ga-1,,Company 1,Company 1 Inc.,App 1,https://c1.example.com,auth,true,true,1 Main St,Oakland,CA,94612,US,true,,",
                "beta-1,beta,Company 2,,App 2,https://c2.example.com,auth,,true,2 Main St,Oakland,CA,94612,US,,,",
                "beta-2,beta,Company 3,,App 3,https://c3.example.com,auth,,,3 Main St,Oakland,CA,94612,US,true,yesterday,not-an-ip",
                "other-1,alpha,Company 4,Company 4 Inc.,App 4,https://c4.example.com,auth,true,true,4 Main St,Oakland,CA,94612,US,,,",
                "beta-3,beta,Company 5,,,https://c5.example.com,auth,,,5 Main St,Oakland,CA,94612,US,,,");

            var run = await Cli.RunAsync(Args("onboard", file));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*2\s*\|\s*bank_addendum_acceptance.customer_accepted\s*\|.*beta create only"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*3\s*\|\s*is_bank_addendum_completed\s*\|.*not a field of the beta create"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*4\s*\|\s*bank_addendum_acceptance.customer_agreement_timestamp\s*\|.*'yesterday' is not a date"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*4\s*\|\s*bank_addendum_acceptance.customer_ip_address\s*\|.*not an IP address"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*5\s*\|\s*api\s*\|.*must be ga .* or beta"), run.ToString());
                Assert.That(run.Output, Does.Match(@"\|\s*6\s*\|\s*application_name\s*\|.*required"), run.ToString());
                Assert.That(run.Error, Does.Contain("5 of 5 rows have problems; nothing was sent"));
                Assert.That(await CustomersAtEmulatorAsync(), Is.Zero);
            });
        }
    }
}
