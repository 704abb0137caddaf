using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests
{
    public class PlaidPartnerEmulatorTests
    {
        [Test]
        public async Task GetCustomersAsync_shows_a_beta_customers_requirements_due_and_product_statuses()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var beta = await client.Beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal(Products.Auth));
            await client.CreateEndCustomerAsync(CreateRequests.Valid("GA app"));

            var customers = await emulator.GetCustomersAsync();
            var betaCustomer = customers.Single(c => c.ClientId == beta.EndCustomer!.ClientId);
            var gaCustomer = customers.Single(c => c.ClientId != beta.EndCustomer!.ClientId);

            Assert.Multiple(() =>
            {
                Assert.That(betaCustomer.RequirementsDue, Is.EqualTo(BetaCreateRequests.Due(beta)).And.Not.Empty);
                Assert.That(betaCustomer.ProductStatuses, Does.ContainKey("auth"));
                Assert.That(gaCustomer.RequirementsDue, Is.Null);
                Assert.That(gaCustomer.ProductStatuses, Is.Null);
            });
        }

        [Test]
        public async Task Starts_on_a_free_loopback_port_and_gives_ready_client_options()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var options = emulator.CreateClientOptions();
            Assert.Multiple(() =>
            {
                Assert.That(emulator.BaseAddress.Scheme, Is.EqualTo("http"));
                Assert.That(emulator.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
                Assert.That(emulator.BaseAddress.Port, Is.GreaterThan(0));
                Assert.That(emulator.BaseAddress.AbsolutePath, Is.EqualTo("/"));
                Assert.That(options.Environment.BaseAddress, Is.EqualTo(emulator.BaseAddress));
                Assert.That(options.Environment.IsCustom, Is.True);
                Assert.That(options.Environment.IsProduction, Is.True);
                Assert.That(options.ClientId, Is.EqualTo(emulator.ClientId).And.Not.Empty);
                Assert.That(options.Secret, Is.EqualTo(emulator.Secret).And.Not.Empty);
                Assert.That(emulator.CreateClientOptions(), Is.Not.SameAs(options));
            });
        }

        [Test]
        public async Task A_sandbox_emulator_gives_options_that_stand_for_sandbox()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });

            Assert.That(emulator.Environment.IsSandbox, Is.True);
            Assert.That(emulator.CreateClient().Environment, Is.EqualTo(emulator.Environment));
        }

        [Test]
        public async Task Two_emulators_run_side_by_side_with_their_own_credentials_and_state()
        {
            await using var first = await PlaidPartnerEmulator.StartAsync();
            await using var second = await PlaidPartnerEmulator.StartAsync();

            var created = await first.CreateClient().CreateEndCustomerAsync(TestSupport.CreateRequests.Valid());

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(second.BaseAddress, Is.Not.EqualTo(first.BaseAddress));
                Assert.That(second.Secret, Is.Not.EqualTo(first.Secret));
                Assert.That(await second.GetCustomersAsync(), Is.Empty);
                Assert.That(await first.GetCustomersAsync(), Has.Count.EqualTo(1));
                var wrongKeys = new PlaidPartnerClient(new PlaidPartnerOptions { ClientId = second.ClientId, Secret = second.Secret, Environment = first.Environment });
                var refused = Assert.ThrowsAsync<PlaidApiException>(() => wrongKeys.GetEndCustomerAsync(created.EndCustomer!.ClientId!));
                Assert.That(refused!.ErrorCode, Is.EqualTo("INVALID_API_KEYS"));
            });
        }

        [Test]
        public async Task Configured_credentials_and_port_are_used()
        {
            var port = LoopbackHost.UnusedPort();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { ClientId = "my-client", Secret = "my-secret", Port = port });

            Assert.Multiple(() =>
            {
                Assert.That(emulator.BaseAddress, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/")));
                Assert.That(emulator.ClientId, Is.EqualTo("my-client"));
                Assert.That(emulator.Secret, Is.EqualTo("my-secret"));
            });
        }

        [Test]
        public async Task Dispose_stops_listening()
        {
            var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClientWithoutRetries(); // a refused connection is not retried
            Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("anything")); // answered while running

            await emulator.DisposeAsync();
            await emulator.DisposeAsync(); // twice is harmless

            Assert.ThrowsAsync<HttpRequestException>(() => client.GetEndCustomerAsync("anything"));
            Assert.ThrowsAsync<ObjectDisposedException>(() => emulator.GetCustomersAsync());
        }

        [Test]
        public async Task Dispose_ends_a_request_held_by_an_injected_delay()
        {
            var emulator = await PlaidPartnerEmulator.StartAsync();
            await emulator.InjectFaultAsync("/partner/customer/get", EmulatorFault.Delay(TimeSpan.FromMinutes(10)));
            var held = emulator.CreateClientWithoutRetries().GetEndCustomerAsync("anything");

            await emulator.DisposeAsync();

            await Assert.ThatAsync(async () => await held, Throws.InstanceOf<HttpRequestException>());
        }

        [Test]
        public async Task ToString_shows_the_address_but_not_the_secret()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Secret = "do-not-print-me" });
            var options = new PlaidPartnerEmulatorOptions { Secret = "do-not-print-me" };

            Assert.Multiple(() =>
            {
                Assert.That(emulator.ToString(), Does.Contain(emulator.BaseAddress.ToString()).And.Not.Contain("do-not-print-me"));
                Assert.That(options.ToString(), Does.Contain("[redacted]").And.Not.Contain("do-not-print-me"));
            });
        }

        private static readonly object[] InvalidOptions =
        {
            new object[] { new PlaidPartnerEmulatorOptions { Port = 70000 }, "Port" },
            new object[] { new PlaidPartnerEmulatorOptions { Secret = " " }, "Secret" },
            new object[] { new PlaidPartnerEmulatorOptions { ClientId = "" }, "ClientId" },
            new object[] { new PlaidPartnerEmulatorOptions { NewCustomerStatus = PartnerEndCustomerStatus.Active }, "NewCustomerStatus" },
            new object[] { new PlaidPartnerEmulatorOptions { WebhookUrl = new Uri("https://example.com/hook") }, "loopback" },
            new object[] { new PlaidPartnerEmulatorOptions { WebhookUrl = new Uri("ftp://127.0.0.1/hook") }, "http" },
        };

        [TestCaseSource(nameof(InvalidOptions))]
        public void Invalid_options_are_refused_with_a_message_naming_the_setting(PlaidPartnerEmulatorOptions options, string named)
        {
            var refused = Assert.ThrowsAsync<ArgumentException>(() => PlaidPartnerEmulator.StartAsync(options));

            Assert.That(refused!.Message, Does.Contain(named));
        }

        [Test]
        public async Task A_taken_port_fails_to_start()
        {
            await using var first = await PlaidPartnerEmulator.StartAsync();

            Assert.That(
                async () => await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Port = first.BaseAddress.Port }),
                Throws.InstanceOf<System.IO.IOException>());
        }
    }
}
