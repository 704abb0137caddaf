using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Seeding
{
    /// <summary>A known starting state from a seed file, reset returns to it, and a file that does not validate stops the emulator.</summary>
    [NonParallelizable] // ProgramTests-style console capture
    public class SeedTests
    {
        private static string ExampleSeed => Path.Combine(TestContext.CurrentContext.TestDirectory, "seed.example.json");

        [Test]
        public async Task The_example_seed_loads_its_customers_with_their_statuses_oauth_statuses_and_beta_requirements()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { SeedFile = ExampleSeed });
            var customers = await emulator.GetCustomersAsync();
            var client = emulator.CreateClient();
            var acme = await client.GetEndCustomerAsync("5eed0acme000000000000001");

            Assert.Multiple(() =>
            {
                Assert.That(customers.Select(c => c.CompanyName), Is.EqualTo(new[] { "Acme Robotics", "Globex", "Initech", "Hooli" }));
                Assert.That(customers.Select(c => c.Status.ToString()), Is.EqualTo(new[] { "ACTIVE", "UNDER_REVIEW", "PENDING_ENABLEMENT", "MORE_INFORMATION_NEEDED" }));
                Assert.That(customers[0].StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE" }));
                Assert.That(customers[0].OAuthStatuses["ins_56"], Is.EqualTo("APPROVED"));
                Assert.That(customers[0].OAuthStatuses["ins_128026"], Is.EqualTo("PROCESSING"));
                Assert.That(customers[0].OAuthStatuses["ins_1"], Is.EqualTo("ATTENTION_REQUIRED"));
                Assert.That(customers[3].RequirementsDue, Is.EqualTo(new[] { "questionnaires.cra" }), "cra_base_report needs the CRA questionnaire");
                Assert.That(customers[3].ProductStatuses!["auth"], Is.EqualTo("PENDING_ENABLEMENT"));
                Assert.That(acme.EndCustomer!.CompanyName, Is.EqualTo("Acme Robotics"), "a seeded customer answers Plaid calls");
            });
        }

        [Test]
        public async Task Reset_returns_to_the_seeded_state_after_changes()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { SeedFile = ExampleSeed, WebhookUrl = receiver.Url });
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            var client = emulator.CreateClient();
            var seeded = JsonConvert.SerializeObject(await emulator.GetCustomersAsync());
            var seededPartner = await http.GetStringAsync("__emulator/partner");

            await emulator.SetCustomerStatusAsync("5eed0g1obex0000000000002", PartnerEndCustomerStatus.Denied);
            await client.EnableEndCustomerAsync("5eed01n1tech000000000003");
            await client.CreateEndCustomerAsync(CreateRequests.Valid("Brand New App"));
            await emulator.SetOAuthStatusAsync("5eed0acme000000000000001", "ins_128026", PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled);
            await emulator.SetPartnerSettingsAsync(new EmulatorPartnerSettings { FlowdownComplete = false });
            await emulator.SendNextWebhooksTwiceAsync(5);
            var changed = JsonConvert.SerializeObject(await emulator.GetCustomersAsync());

            await emulator.ResetAsync();
            var afterReset = JsonConvert.SerializeObject(await emulator.GetCustomersAsync());
            using var byEndpoint = await http.PostAsync("__emulator/reset", new StringContent(string.Empty, Encoding.UTF8, "application/json"));
            var afterSecondReset = JsonConvert.SerializeObject(await emulator.GetCustomersAsync());

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(changed, Is.Not.EqualTo(seeded), "the changes must show before the reset");
                Assert.That(afterReset, Is.EqualTo(seeded));
                Assert.That(afterSecondReset, Is.EqualTo(seeded));
                Assert.That((int)byEndpoint.StatusCode, Is.EqualTo(200));
                Assert.That(await http.GetStringAsync("__emulator/partner"), Is.EqualTo(seededPartner));
                Assert.That(await emulator.GetWebhookDeliveriesAsync(), Is.Empty, "deliveries are part of what a reset clears");
            });
        }

        [Test]
        public async Task Without_a_seed_reset_returns_to_no_customers_and_the_options_partner_settings()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Partner = new EmulatorPartnerSettings { MonthlyServiceCommitment = true } });
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            var request = CreateRequests.Valid();
            request.AssetsUnderManagement = new PartnerEndCustomerAssetsUnderManagement { Amount = 10, IsoCurrencyCode = "USD" };
            await emulator.CreateClient().CreateEndCustomerAsync(request);
            await emulator.SetPartnerSettingsAsync(new EmulatorPartnerSettings());

            await emulator.ResetAsync();

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
                Assert.That(await http.GetStringAsync("__emulator/partner"), Does.Contain("\"monthly_service_commitment\":true"));
            });
        }

        [TestCase("{", "$", "is not valid JSON", TestName = "Seed that is not JSON")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"B\",\"colour\":\"red\"}]}", "$.end_customers[0].colour", "not a seed member",
            TestName = "Seed with an unknown member")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"B\",\"status\":\"ACTIVATED\"}]}", "$.end_customers[0].status", "ACTIVATED",
            TestName = "Seed with an unknown status")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"B\",\"oauth_statuses\":{\"ins_56\":\"APPROVED\"}}]}", "$.end_customers[0].oauth_statuses",
            "only an ACTIVE customer", TestName = "Seed with OAuth statuses before enable")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"B\",\"status\":\"ACTIVE\",\"oauth_statuses\":{\"ins_56\":\"DONE\"}}]}",
            "$.end_customers[0].oauth_statuses.ins_56", "not an OAuth status", TestName = "Seed with an unknown OAuth status")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"Same\"},{\"company_name\":\"B\",\"application_name\":\"same\"}]}",
            "$.end_customers[1].application_name", "repeats", TestName = "Seed with an application name twice")]
        [TestCase("{\"end_customers\":[{\"company_name\":\"A\",\"application_name\":\"B\",\"status\":\"ACTIVE\",\"beta\":{}}]}", "$.end_customers[0].status", "MORE_INFORMATION_NEEDED",
            TestName = "Seed with an ACTIVE beta customer that still has requirements due")]
        [TestCase("{\"partner\":{\"flowdown\":true}}", "$.partner", "partner settings", TestName = "Seed with an unknown partner setting")]
        [TestCase("{\"end_customers\":[{\"application_name\":\"B\"}]}", "$.end_customers[0]", "needs company_name", TestName = "Seed without a company name")]
        public async Task A_seed_that_does_not_validate_stops_the_emulator_with_exit_code_2_naming_the_file_and_path(string json, string path, string reason)
        {
            var file = Path.Combine(Path.GetTempPath(), $"plaid-emulator-seed-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, json);
            try
            {
                var (exitCode, _, error) = await ConsoleCapture.RunAsync(() => Program.Main(new[] { "--seed", file, "--port", "0" }));

                Assert.Multiple(() =>
                {
                    Assert.That(exitCode, Is.EqualTo(2));
                    Assert.That(error, Does.Contain($"seed {file}: {path}:"));
                    Assert.That(error, Does.Contain(reason));
                });
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Test]
        public async Task A_sandbox_emulator_refuses_a_seed_with_end_customers_and_the_command_line_reads_the_seed_switch()
        {
            var refused = Assert.ThrowsAsync<EmulatorSeedException>(() => PlaidPartnerEmulator.StartAsync(
                new PlaidPartnerEmulatorOptions { SeedFile = ExampleSeed, Environment = PlaidEnvironment.Sandbox }));
            var options = Program.ReadOptions(new[] { "--seed", ExampleSeed });
            await using var seeded = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { SeedFile = options.SeedFile });

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused!.JsonPath, Is.EqualTo("$.end_customers"));
                Assert.That(refused.Reason, Does.Contain("Sandbox"));
                Assert.That(options.SeedFile, Is.EqualTo(ExampleSeed));
                Assert.That(await seeded.GetCustomersAsync(), Has.Count.EqualTo(4));
            });
        }

        [Test]
        public void A_missing_seed_file_is_refused_with_a_typed_exception_from_code()
        {
            var missing = Path.Combine(Path.GetTempPath(), $"no-such-seed-{Guid.NewGuid():N}.json");

            var refused = Assert.ThrowsAsync<EmulatorSeedException>(() => PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { SeedFile = missing }));

            Assert.Multiple(() =>
            {
                Assert.That(refused!.File, Is.EqualTo(missing));
                Assert.That(refused.JsonPath, Is.EqualTo("$"));
                Assert.That(refused.Reason, Does.Contain("cannot be read"));
            });
        }
    }
}
