using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plaid.Partner.AspNetCore;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger.AspNetCore;
using Plaid.Partner.Ledger.DependencyInjection;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>
    /// The store contract, continued: the emulator's signed webhooks reach a real ASP.NET Core endpoint on loopback with
    /// <c>AddLedgerRefresh()</c>, which refreshes from the API, so duplicates and late, older deliveries change nothing.
    /// </summary>
    public abstract partial class LedgerContractTests
    {
        [Test]
        public async Task The_same_webhook_three_times_and_an_older_one_last_leave_the_latest_status_and_one_event()
        {
            var events = new RecordingEvents();
            await using var app = await StartWebhookAppAsync(events);
            var ledger = app.Services.GetRequiredService<EndCustomerLedger>();
            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var clientId = created.Record.ClientId!;
            await _emulator.SetCustomerStatusAsync(clientId, PartnerEndCustomerStatus.PendingEnablement);
            await _emulator.CreateClient().EnableEndCustomerAsync(clientId);
            await _emulator.AdvanceClockAsync(TimeSpan.Zero);
            events.Clear();

            // ATTENTION_REQUIRED is held back and arrives after APPROVED; APPROVED is then delivered twice more.
            await _emulator.HoldNextWebhookAsync();
            var older = _emulator.SetOAuthStatusAsync(clientId, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, "Application logo is required");
            var approved = await _emulator.SetOAuthStatusAsync(clientId, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await older;
            await _emulator.ResendWebhookAsync(approved!.Id);
            await _emulator.ResendWebhookAsync(approved.Id);
            await _emulator.AdvanceClockAsync(TimeSpan.Zero);

            var deliveries = await _emulator.GetWebhookDeliveriesAsync();
            var record = await ledger.GetAsync("acct-1");
            var changes = events.Of(EndCustomerEventKind.OAuthStatusChanged).Where(e => e.InstitutionId == "ins_56").ToList();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(deliveries.Where(d => d.Body.Contains("approved", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(3));
                Assert.That(deliveries, Has.All.Property(nameof(EmulatorWebhookDelivery.StatusCode)).EqualTo(200));
                Assert.That(record!.OAuthRegistrations.Single(r => r.InstitutionId == "ins_56").Status, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
                Assert.That(
                    changes.Select(e => e.OAuthStatus),
                    Is.EqualTo(new PartnerEndCustomerOAuthInstitutionApplicationStatus?[] { PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved }));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_webhook_for_an_end_customer_the_ledger_does_not_hold_is_answered_200_and_changes_nothing()
        {
            var events = new RecordingEvents();
            await using var app = await StartWebhookAppAsync(events);
            var stranger = (await _emulator.CreateClient().CreateEndCustomerAsync(RaceRequest.Valid("Not in the ledger"))).EndCustomer!.ClientId!;
            await _emulator.SetCustomerStatusAsync(stranger, PartnerEndCustomerStatus.PendingEnablement);
            await _emulator.CreateClient().EnableEndCustomerAsync(stranger);
            await _emulator.AdvanceClockAsync(TimeSpan.Zero);

            var delivery = await _emulator.SetOAuthStatusAsync(stranger, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var page = await app.Services.GetRequiredService<EndCustomerLedger>().ListAsync(EndCustomerFilter.All);

            Assert.That(delivery!.StatusCode, Is.EqualTo(200));
            Assert.That(page.Records, Is.Empty);
            Assert.That(events.All, Is.Empty);
        }

        private async Task<WebApplication> StartWebhookAppAsync(RecordingEvents events)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var emulatorOptions = _emulator.CreateClientOptions();
            builder.Services.AddPlaidPartner(options =>
            {
                options.ClientId = emulatorOptions.ClientId;
                options.Secret = emulatorOptions.Secret;
                options.Environment = emulatorOptions.Environment;
            });
            var store = Store.Options();
            builder.Services.AddSingleton<IEndCustomerEvents>(events);
            builder.Services.AddPlaidPartnerLedger(options =>
            {
                if (store.Store == LedgerStoreKind.Postgres)
                {
                    options.UsePostgres(store.Connection!);
                }
                else
                {
                    options.UseSqlite(store.Connection!);
                }
            });
            builder.Services.AddPlaidPartnerWebhooks().AddLedgerRefresh();
            var app = builder.Build();
            app.MapPlaidPartnerWebhooks("/plaid/webhooks");
            await app.StartAsync();
            var address = app.Urls.First();
            await _emulator.SetWebhookUrlAsync(new Uri(new Uri(address), "/plaid/webhooks"));
            return app;
        }
    }
}
