using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Cli.Tests
{
    public class JsonFileTests : EmulatorTestBase
    {
        private const string Customer = """
            {
              "reference": "%REF%",
              "company_name": "Json Co %REF%",
              "legal_entity_name": "Json Co %REF% Inc.",
              "application_name": "Json App %REF%",
              "website": "https://%REF%.example.com",
              "products": ["auth", "transactions"],
              "is_diligence_attested": true,
              "is_bank_addendum_completed": true,
              "address": { "city": "Oakland", "country_code": "%COUNTRY%" },
              "technical_contact": { "email": "dev@json.example.com" }
            }
            """;

        [Test]
        public async Task A_json_file_of_create_bodies_onboards_and_a_bad_nested_field_is_named_by_its_dotted_path()
        {
            var good = Path.Combine(Folder, "good.json");
            var bad = Path.Combine(Folder, "bad.json");
            await File.WriteAllTextAsync(good, $"[{Body("j-1", "US")}, {Body("j-2", "GB")}]");
            await File.WriteAllTextAsync(bad, $"[{Body("j-3", "US")}, {Body("j-4", "USA")}]");

            var sent = await Cli.RunAsync(Args("onboard", good));
            var refused = await Cli.RunAsync(Args("onboard", bad));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(sent.ExitCode, Is.Zero, sent.ToString());
                Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
                Assert.That(refused.Output, Does.Match(@"\|\s*2\s*\|\s*address\.country_code\s*\|.*'USA' is not a 2-letter code"), refused.ToString());
                Assert.That(await CustomersAtEmulatorAsync(), Is.EqualTo(2));
            });
        }

        [Test]
        public async Task A_file_that_is_not_json_is_one_problem_and_nothing_is_sent()
        {
            var broken = Path.Combine(Folder, "broken.json");
            await File.WriteAllTextAsync(broken, "[{\"reference\": ");

            var run = await Cli.RunAsync(Args("onboard", broken));

            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Output, Does.Contain("not valid JSON"));
        }

        private static string Body(string reference, string country) => Customer.Replace("%REF%", reference).Replace("%COUNTRY%", country);
    }
}
