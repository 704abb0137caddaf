using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>The store contract, continued: removing an end customer, and the stuck filter.</summary>
    public abstract partial class LedgerContractTests
    {
        [Test]
        public async Task Remove_removes_it_at_Plaid_records_when_and_the_record_is_no_longer_refreshed_or_listed_by_status()
        {
            var time = new FakeTimeProvider(Friday);
            var ledger = NewLedger(time);
            var removing = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await ledger.OnboardAsync("acct-2", RaceRequest.Valid("App two"));
            time.Advance(TimeSpan.FromMinutes(5));
            var removedAt = time.GetUtcNow();

            var removed = await ledger.RemoveAsync("acct-1");
            var progress = new List<RefreshResult>();
            var refreshed = await ledger.RefreshAllAsync(EndCustomerFilter.All, maxConcurrency: 1, new SynchronousProgress<RefreshResult>(progress.Add));
            var reconciled = await ledger.ReconcileAsync("instance-a", new EndCustomerReconcilerOptions());
            var underReview = await ledger.ListAsync(EndCustomerFilter.WithStatus(PartnerEndCustomerStatus.UnderReview));
            var removedPage = await ledger.ListAsync(EndCustomerFilter.Removed);
            var again = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var atEmulator = await _emulator.GetCustomersAsync();

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(removed.RemovedAt, Is.EqualTo(removedAt));
                Assert.That(removed.IsRefreshable, Is.False, "a removed record is not refreshed");
                Assert.That(removing.Record.IsRefreshable, Is.True, "a created record is, until removed");
                Assert.That(removed.ClientId, Is.EqualTo(removing.Record.ClientId));
                Assert.That(removed.Status, Is.EqualTo(PartnerEndCustomerStatus.UnderReview), "the last status Plaid gave stays");
                Assert.That(removed.StatusHistory, Is.Not.Empty);
                Assert.That(removed.ToString(), Does.Contain("Removed"));
                Assert.That(atEmulator.Single(c => c.ClientId == removing.Record.ClientId).Removed, Is.True);
                Assert.That(atEmulator.Single(c => c.ClientId != removing.Record.ClientId).Removed, Is.False);
                Assert.That(progress.Select(p => p.Reference), Is.EqualTo(new[] { "acct-2" }));
                Assert.That(refreshed.Failures, Is.Empty);
                Assert.That(reconciled.Read, Is.EqualTo(1), "the reconciler leases only the one not removed");
                Assert.That(reconciled.Failures, Is.Empty);
                Assert.That(underReview.Records.Select(r => r.Reference), Is.EqualTo(new[] { "acct-2" }));
                Assert.That(removedPage.Records.Select(r => (r.Reference, r.RemovedAt)), Is.EqualTo(new[] { ("acct-1", (DateTimeOffset?)removedAt) }));
                Assert.That(again.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded), "a removed reference is not created again");
                Assert.That(atEmulator, Has.Count.EqualTo(2));
                var refused = Assert.ThrowsAsync<InvalidOperationException>(async () => await ledger.RefreshAsync("acct-1"));
                Assert.That(refused!.Message, Does.Contain("removed"));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task Removing_a_record_removed_already_returns_it_without_calling_Plaid()
        {
            var ledger = NewLedger();
            await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var first = await ledger.RemoveAsync("acct-1");
            // A call to remove would now be refused with a 400 (not retried), and the second RemoveAsync would throw.
            await _emulator.InjectFaultAsync("/partner/customer/remove", EmulatorFault.Status(400).Times(1));

            var second = await ledger.RemoveAsync("acct-1");

            Assert.That(second.RemovedAt, Is.EqualTo(first.RemovedAt).And.Not.Null);
        }

        [Test]
        public async Task Removing_an_ACTIVE_end_customer_is_refused_by_Plaid_and_nothing_is_recorded()
        {
            var ledger = NewLedger();
            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.SetCustomerStatusAsync(created.Record.ClientId!, PartnerEndCustomerStatus.PendingEnablement);
            await _emulator.CreateClient().EnableEndCustomerAsync(created.Record.ClientId!);
            await ledger.RefreshAsync("acct-1");

            var refused = Assert.ThrowsAsync<PlaidApiException>(async () => await ledger.RemoveAsync("acct-1"));
            var record = await ledger.GetAsync("acct-1");

            Assert.That(refused!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerRemovalNotAllowed));
            Assert.That(record!.RemovedAt, Is.Null);
            Assert.That(record.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
            Assert.That((await ledger.ListAsync(EndCustomerFilter.Removed)).Records, Is.Empty);
        }

        [Test]
        public async Task One_removed_in_the_Dashboard_already_is_recorded_as_removed()
        {
            var ledger = NewLedger();
            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.CreateClient().RemoveEndCustomerAsync(created.Record.ClientId!);

            var removed = await ledger.RemoveAsync("acct-1");

            Assert.That(removed.RemovedAt, Is.Not.Null);
        }

        [Test]
        public async Task Remove_refuses_an_unknown_reference_and_one_without_a_client_id_and_sends_nothing()
        {
            var ledger = NewLedger();
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await ledger.OnboardAsync("in-doubt", RaceRequest.Valid("App one"));

            var unknown = Assert.ThrowsAsync<InvalidOperationException>(async () => await ledger.RemoveAsync("nobody"));
            var inDoubt = Assert.ThrowsAsync<InvalidOperationException>(async () => await ledger.RemoveAsync("in-doubt"));

            Assert.That(unknown!.Message, Does.Contain("not in the ledger"));
            Assert.That(inDoubt!.Message, Does.Contain("no client_id").And.Contain("InDoubt"));
            Assert.That((await ledger.GetAsync("in-doubt"))!.RemovedAt, Is.Null);
            Assert.That((await _emulator.GetCustomersAsync()).Where(c => c.Removed), Is.Empty);
        }

        [Test]
        public async Task The_stuck_filter_lists_the_records_with_a_flagged_registration_and_a_removal_clears_their_flags()
        {
            var ledger = NewLedger();
            var stuck = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await ledger.OnboardAsync("acct-2", RaceRequest.Valid("App two"));
            await _emulator.SetOAuthStatusAsync(stuck.Record.ClientId!, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, "Application logo is required");
            await ledger.RefreshAllAsync(EndCustomerFilter.All);

            var flagged = await ledger.ListAsync(EndCustomerFilter.Stuck);
            await ledger.RemoveAsync("acct-1");
            var afterRemoval = await ledger.ListAsync(EndCustomerFilter.Stuck);

            Assert.That(flagged.Records.Select(r => r.Reference), Is.EqualTo(new[] { "acct-1" }));
            Assert.That(afterRemoval.Records, Is.Empty);
            Assert.That(await ledger.ListStuckAsync(), Is.Empty);
        }
    }
}
