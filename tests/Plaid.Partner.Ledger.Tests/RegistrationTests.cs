using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger.DependencyInjection;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>AddPlaidPartnerLedger beside AddPlaidPartner: options checked when the host starts; the ledger onboards through the registered client.</summary>
    public sealed class RegistrationTests
    {
        [Test]
        public void A_ledger_without_a_store_fails_the_start_naming_the_setting()
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddPlaidPartner(o => { o.ClientId = "id"; o.Secret = "secret"; o.Environment = PlaidEnvironment.Production; });
            builder.Services.AddPlaidPartnerLedger(o => o.InFlightTimeout = TimeSpan.Zero);
            using var host = builder.Build();

            var failure = Assert.ThrowsAsync<OptionsValidationException>(async () => await host.StartAsync());

            Assert.That(failure!.Message, Does.Contain("EndCustomerLedgerOptions.Store").And.Contain("EndCustomerLedgerOptions.InFlightTimeout"));
        }

        [Test]
        public async Task The_registered_ledger_onboards_through_the_registered_client()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await using var store = new SqliteStoreUnderTest();
            var services = new ServiceCollection();
            services.AddPlaidPartner(o =>
            {
                o.ClientId = emulator.ClientId;
                o.Secret = emulator.Secret;
                o.Environment = emulator.Environment;
            });
            services.AddPlaidPartnerLedger(o => o.UseSqlite(store.Connection));
            await using var provider = services.BuildServiceProvider();

            var ledger = provider.GetRequiredService<EndCustomerLedger>();
            var result = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(result.Outcome, Is.EqualTo(OnboardingOutcome.Created));
            Assert.That(provider.GetRequiredService<EndCustomerLedger>(), Is.SameAs(ledger));
            Assert.That(File.Exists(store.Connection), Is.True);
        }

        [Test]
        public async Task Without_flushing_every_commit_the_sqlite_ledger_still_keeps_its_records()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            await using var store = new SqliteStoreUnderTest();
            var options = store.Options();
            options.SqliteFlushEveryCommit = false;

            await using (var ledger = new EndCustomerLedger(emulator.CreateClient(), options))
            {
                await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            }

            await using var reopened = new EndCustomerLedger(emulator.CreateClient(), store.Options());
            Assert.That((await reopened.GetAsync("acct-1"))?.CreateState, Is.EqualTo(EndCustomerCreateState.Created));
            Assert.That(options.ToString(), Does.Contain("SqliteFlushEveryCommit = False").And.Not.Contain(store.Connection));
        }
    }
}
