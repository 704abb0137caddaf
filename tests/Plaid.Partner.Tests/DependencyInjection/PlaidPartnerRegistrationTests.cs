using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.DependencyInjection
{
    /// <summary>
    /// What a resolve builds: a new client on the factory's HttpClient, over the one pipeline its registration keeps in
    /// that container until the registration's options change.
    /// </summary>
    public class PlaidPartnerRegistrationTests
    {
        private static IConfigurationRoot Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlaidA:ClientId"] = "account-a",
            ["PlaidA:Secret"] = MockPlaid.Secret,
            ["PlaidA:Environment"] = "production",
            ["PlaidB:ClientId"] = "account-b",
            ["PlaidB:Secret"] = MockPlaid.Secret,
            ["PlaidB:Environment"] = "production",
        }).Build();

        [Test]
        public async Task Every_client_resolved_from_one_registration_shares_its_pipeline()
        {
            var services = new ServiceCollection();
            services.AddPlaidPartner(Configuration().GetSection("PlaidA"));
            await using var provider = services.BuildServiceProvider();

            var first = provider.GetRequiredService<PlaidPartnerClient>();
            await using var scope = provider.CreateAsyncScope();
            var second = scope.ServiceProvider.GetRequiredService<PlaidPartnerClient>();

            Assert.Multiple(() =>
            {
                Assert.That(second, Is.Not.SameAs(first), "a resolve still gives a new client");
                Assert.That(second.CallPipeline, Is.SameAs(first.CallPipeline));
            });
        }

        [Test]
        public async Task Registrations_and_containers_each_have_their_own_pipeline()
        {
            var configuration = Configuration();
            var services = new ServiceCollection();
            services.AddPlaidPartner(configuration.GetSection("PlaidA"));
            services.AddPlaidPartner("b", configuration.GetSection("PlaidB"));
            await using var provider = services.BuildServiceProvider();
            await using var otherProvider = services.BuildServiceProvider();

            var a = provider.GetRequiredService<PlaidPartnerClient>().CallPipeline;

            Assert.Multiple(() =>
            {
                Assert.That(provider.GetRequiredKeyedService<PlaidPartnerClient>("b").CallPipeline, Is.Not.SameAs(a));
                Assert.That(provider.GetRequiredKeyedService<PlaidPartnerClient>("b").CallPipeline.Options.ClientId, Is.EqualTo("account-b"));
                Assert.That(otherProvider.GetRequiredService<PlaidPartnerClient>().CallPipeline, Is.Not.SameAs(a));
            });
        }

        [Test]
        public async Task A_configuration_change_rebuilds_the_pipeline_of_that_registration_only()
        {
            var configurationA = Configuration();
            var configurationB = Configuration();
            var services = new ServiceCollection();
            services.AddPlaidPartner("a", configurationA.GetSection("PlaidA"));
            services.AddPlaidPartner("b", configurationB.GetSection("PlaidB"));
            await using var provider = services.BuildServiceProvider();
            var a = provider.GetRequiredKeyedService<PlaidPartnerClient>("a");
            var b = provider.GetRequiredKeyedService<PlaidPartnerClient>("b");

            configurationA["PlaidA:Environment"] = "sandbox";
            configurationA.Reload();
            var changedA = provider.GetRequiredKeyedService<PlaidPartnerClient>("a");

            Assert.Multiple(() =>
            {
                Assert.That(changedA.CallPipeline, Is.Not.SameAs(a.CallPipeline));
                Assert.That(changedA.Environment, Is.SameAs(PlaidEnvironment.Sandbox));
                Assert.That(a.Environment, Is.SameAs(PlaidEnvironment.Production), "a client resolved before keeps the options it was built with");
                Assert.That(provider.GetRequiredKeyedService<PlaidPartnerClient>("a").CallPipeline, Is.SameAs(changedA.CallPipeline), "and is then shared again");
                Assert.That(provider.GetRequiredKeyedService<PlaidPartnerClient>("b").CallPipeline, Is.SameAs(b.CallPipeline));
            });
        }

        [Test]
        public async Task Options_made_invalid_by_a_change_fail_the_resolve_naming_the_key_until_they_are_fixed()
        {
            var configuration = Configuration();
            var services = new ServiceCollection();
            services.AddPlaidPartner(configuration.GetSection("PlaidA"));
            await using var provider = services.BuildServiceProvider();
            _ = provider.GetRequiredService<PlaidPartnerClient>();

            configuration["PlaidA:Timeout"] = "-00:00:01";
            // The options monitor itself validates the new options when the change arrives, and throws there.
            Assert.That(configuration.Reload, Throws.InstanceOf<AggregateException>());
            var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PlaidPartnerClient>());
            configuration["PlaidA:Timeout"] = "00:00:20";
            configuration.Reload();

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.Contain("PlaidA:Timeout"));
                Assert.That(provider.GetRequiredService<PlaidPartnerClient>().CallPipeline.Options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
            });
        }

        [Test]
        public void A_client_constructed_directly_builds_its_own_pipeline()
        {
            var options = new PlaidPartnerOptions { ClientId = "c", Secret = MockPlaid.Secret };

            var first = new PlaidPartnerClient(options);
            var second = new PlaidPartnerClient(options);

            Assert.That(second.CallPipeline, Is.Not.SameAs(first.CallPipeline));
        }
    }
}
