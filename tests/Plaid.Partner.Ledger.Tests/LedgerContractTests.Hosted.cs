using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Ledger.AspNetCore;
using Plaid.Partner.Ledger.DependencyInjection;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>The store contract, continued: the hosted reconciler in a generic host.</summary>
    public abstract partial class LedgerContractTests
    {
        [Test]
        public async Task The_hosted_reconciler_records_a_change_made_at_plaid_without_any_call_from_the_app()
        {
            var seen = new TaskCompletionSource<EndCustomerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            var emulatorOptions = _emulator.CreateClientOptions();
            builder.Services.AddPlaidPartner(options =>
            {
                options.ClientId = emulatorOptions.ClientId;
                options.Secret = emulatorOptions.Secret;
                options.Environment = emulatorOptions.Environment;
            });
            var store = Store.Options();
            builder.Services.AddPlaidPartnerLedger(options => _ = store.Store == LedgerStoreKind.Postgres ? options.UsePostgres(store.Connection!) : options.UseSqlite(store.Connection!));
            builder.Services.AddSingleton<IEndCustomerEvents>(new Signal(seen));
            builder.Services.AddLedgerReconciler(TimeSpan.FromMinutes(15));
            using var host = builder.Build();
            var created = await NewLedger().OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.SetCustomerStatusAsync(created.Record.ClientId!, PartnerEndCustomerStatus.PendingEnablement);

            await host.StartAsync();
            var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await host.StopAsync();

            Assert.That(change.Reference, Is.EqualTo("acct-1"));
            Assert.That(change.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
            Assert.That((await NewLedger().GetAsync("acct-1"))!.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
        }

        private sealed class Signal : IEndCustomerEvents
        {
            private readonly TaskCompletionSource<EndCustomerEvent> _seen;

            public Signal(TaskCompletionSource<EndCustomerEvent> seen) => _seen = seen;

            public Task OnChangedAsync(EndCustomerEvent change, CancellationToken cancellationToken)
            {
                if (change.Kind == EndCustomerEventKind.StatusChanged)
                {
                    _seen.TrySetResult(change);
                }

                return Task.CompletedTask;
            }
        }
    }
}
