using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>
    /// The store contract, continued: OAuth registrations after enable, on the emulator's clock (a FakeTimeProvider the
    /// ledger shares), flagged stuck after Plaid's three business days, and the events raised for each recorded change.
    /// </summary>
    public abstract partial class LedgerContractTests
    {
        // A Friday: the third business day after it is the next Wednesday.
        private static readonly DateTimeOffset Friday = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        [Test]
        public async Task A_registration_approved_after_20_hours_is_recorded_and_raises_one_event()
        {
            var (emulator, ledger, events) = await StartOnClockAsync(Friday);
            await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(20)));
            await EnableAndRefreshAsync(emulator, ledger);
            var afterEnable = events.All;
            events.Clear();

            await emulator.AdvanceClockAsync(TimeSpan.FromHours(20));
            var refreshed = await ledger.RefreshAsync("acct-1");
            var again = await ledger.RefreshAsync("acct-1");
            var record = await ledger.GetAsync("acct-1");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(afterEnable.Where(e => e.Kind == EndCustomerEventKind.StatusChanged).Select(e => e.Status), Does.Contain(PartnerEndCustomerStatus.Active));
                Assert.That(refreshed.Changes, Is.EqualTo(1));
                Assert.That(again.Changes, Is.Zero);
                Assert.That(events.All, Has.Count.EqualTo(1));
                Assert.That(events.All[0].Kind, Is.EqualTo(EndCustomerEventKind.OAuthStatusChanged));
                Assert.That(events.All[0].InstitutionId, Is.EqualTo("ins_56"));
                Assert.That(events.All[0].OAuthStatus, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
                var chase = record!.OAuthRegistrations.Single(r => r.InstitutionId == "ins_56");
                Assert.That(chase.Status, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
                Assert.That(chase.ChangedAt, Is.EqualTo(Friday.AddHours(20)));
                Assert.That(await ledger.ListStuckAsync(), Is.Empty);
            });
        }

        [Test]
        public async Task A_registration_processing_over_a_weekend_is_flagged_stuck_on_the_third_business_day_not_before()
        {
            var (emulator, ledger, events) = await StartOnClockAsync(Friday);
            await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(20)));
            await emulator.SetOAuthScheduleAsync("ins_1", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(30)));
            await emulator.SetOAuthScheduleAsync("ins_128026", EmulatorOAuthSchedule.StaysProcessing);
            await EnableAndRefreshAsync(emulator, ledger);

            // Friday + 3 calendar days is Monday: only one business day has passed.
            await emulator.AdvanceClockAsync(TimeSpan.FromDays(3));
            await ledger.RefreshAsync("acct-1");
            var monday = await ledger.ListStuckAsync();

            // Wednesday 08:59, a minute before the third business day ends.
            await emulator.AdvanceClockAsync(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
            await ledger.RefreshAsync("acct-1");
            var justBefore = await ledger.ListStuckAsync();

            await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(1));
            await ledger.RefreshAsync("acct-1");
            await ledger.RefreshAsync("acct-1");
            var wednesday = await ledger.ListStuckAsync();

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(monday, Is.Empty);
                Assert.That(justBefore, Is.Empty);
                Assert.That(wednesday.Select(s => s.InstitutionId), Is.EqualTo(new[] { "ins_128026" }));
                Assert.That(wednesday[0].Reference, Is.EqualTo("acct-1"));
                Assert.That(wednesday[0].Status, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing));
                Assert.That(wednesday[0].EnabledAt, Is.EqualTo(Friday));
                Assert.That(wednesday[0].FlaggedAt, Is.EqualTo(Friday.AddDays(5)));
                Assert.That(wednesday[0].Reason, Does.Contain("account manager"));
                Assert.That(events.Of(EndCustomerEventKind.RegistrationStuck).Select(e => e.InstitutionId), Is.EqualTo(new[] { "ins_128026" }), "flagged once");
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task Attention_required_is_flagged_at_once_with_plaids_error_message_and_leaves_the_list_when_approved()
        {
            var (emulator, ledger, events) = await StartOnClockAsync(Friday);
            await emulator.SetOAuthScheduleAsync(
                "ins_1",
                EmulatorOAuthSchedule.AttentionRequiredAfter(TimeSpan.FromHours(2), "Application logo is required")
                    .Then(TimeSpan.FromHours(10), PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved));
            await EnableAndRefreshAsync(emulator, ledger);

            await emulator.AdvanceClockAsync(TimeSpan.FromHours(2));
            await ledger.RefreshAsync("acct-1");
            await ledger.RefreshAsync("acct-1");
            var flagged = await ledger.ListStuckAsync();
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(10));
            await ledger.RefreshAsync("acct-1");
            var approved = await ledger.ListStuckAsync();

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(flagged.Select(s => (s.InstitutionId, s.Reason)), Is.EqualTo(new[] { ("ins_1", "Application logo is required") }));
                Assert.That(flagged[0].Status, Is.EqualTo(PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired));
                Assert.That(events.Of(EndCustomerEventKind.RegistrationStuck).Select(e => e.Message), Is.EqualTo(new[] { "Application logo is required" }));
                Assert.That(approved, Is.Empty);
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_failing_event_handler_does_not_undo_the_change_or_silence_the_next_handler()
        {
            var (emulator, _, _) = await StartOnClockAsync(Friday);
            var after = new RecordingEvents();
            var ledger = new EndCustomerLedger(emulator.CreateClient(), Store.Options(), null, emulator.Clock, new IEndCustomerEvents[] { new ThrowingEvents(), after });
            _ledgers.Add(ledger);

            var created = await ledger.OnboardAsync("acct-2", RaceRequest.Valid("App two"));
            await emulator.CreateClient().EnableEndCustomerAsync(created.Record.ClientId!);
            await ledger.RefreshAsync("acct-2");

            Assert.That((await ledger.GetAsync("acct-2"))!.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
            Assert.That(
                after.Of(EndCustomerEventKind.StatusChanged).Select(e => e.Status),
                Is.EqualTo(new PartnerEndCustomerStatus?[] { PartnerEndCustomerStatus.PendingEnablement, PartnerEndCustomerStatus.Active }));
        }

        private async Task<(PlaidPartnerEmulator Emulator, EndCustomerLedger Ledger, RecordingEvents Events)> StartOnClockAsync(DateTimeOffset start)
        {
            // This test's emulator replaces the fixture's, on a fake clock the ledger reads too.
            await _emulator.DisposeAsync();
            _emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                TimeProvider = new FakeTimeProvider(start),
                NewCustomerStatus = PartnerEndCustomerStatus.PendingEnablement,
            });
            var events = new RecordingEvents();
            var ledger = new EndCustomerLedger(_emulator.CreateClient(), Store.Options(), null, _emulator.Clock, new[] { events });
            _ledgers.Add(ledger);
            return (_emulator, ledger, events);
        }

        private static async Task EnableAndRefreshAsync(PlaidPartnerEmulator emulator, EndCustomerLedger ledger)
        {
            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await emulator.CreateClient().EnableEndCustomerAsync(created.Record.ClientId!);
            await ledger.RefreshAsync("acct-1");
        }

        private sealed class ThrowingEvents : IEndCustomerEvents
        {
            public Task OnChangedAsync(EndCustomerEvent change, System.Threading.CancellationToken cancellationToken) =>
                throw new InvalidOperationException("This handler always fails.");
        }
    }
}
