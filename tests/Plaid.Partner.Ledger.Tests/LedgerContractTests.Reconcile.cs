using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Ledger.RaceHelper;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>The store contract, continued: reconciler rounds from two instances sharing one ledger.</summary>
    public abstract partial class LedgerContractTests
    {
        [Test]
        public async Task Two_reconcilers_on_one_ledger_refresh_each_record_once_per_round()
        {
            const int count = 20;
            var first = NewLedger(_emulator.Clock);
            var second = NewLedger(_emulator.Clock);
            for (var i = 0; i < count; i++)
            {
                await first.OnboardAsync($"acct-{i:D2}", RaceRequest.Valid($"App {i}"));
            }

            var options = new EndCustomerReconcilerOptions { Interval = TimeSpan.FromMinutes(15), BatchSize = 3, MaxConcurrency = 2 };
            var round1 = await Task.WhenAll(first.ReconcileAsync("instance-a", options), second.ReconcileAsync("instance-b", options));
            var again = await Task.WhenAll(first.ReconcileAsync("instance-a", options), second.ReconcileAsync("instance-b", options));
            await _emulator.AdvanceClockAsync(options.Interval);
            var round2 = await Task.WhenAll(first.ReconcileAsync("instance-a", options), second.ReconcileAsync("instance-b", options));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(round1.Sum(s => s.Read), Is.EqualTo(count), "every record once in the round, whichever instance leased it");
                Assert.That(round1.SelectMany(s => s.Failures), Is.Empty);
                Assert.That(again.Sum(s => s.Read), Is.Zero, "nothing is due again before the interval");
                Assert.That(round2.Sum(s => s.Read), Is.EqualTo(count));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_settled_record_is_refreshed_after_the_settled_interval_and_one_in_motion_every_round()
        {
            var ledger = NewLedger(_emulator.Clock);
            var settled = await ledger.OnboardAsync("settled", RaceRequest.Valid("Settled app"));
            await ledger.OnboardAsync("in-review", RaceRequest.Valid("Review app"));
            await _emulator.SetCustomerStatusAsync(settled.Record.ClientId!, PartnerEndCustomerStatus.PendingEnablement);
            await _emulator.CreateClient().EnableEndCustomerAsync(settled.Record.ClientId!);
            await ledger.RefreshAsync("settled");
            var options = new EndCustomerReconcilerOptions { Interval = TimeSpan.FromHours(1), SettledInterval = TimeSpan.FromHours(24), RecentWindow = TimeSpan.FromDays(1) };

            await _emulator.AdvanceClockAsync(TimeSpan.FromDays(2));
            var first = await ledger.ReconcileAsync("instance-a", options);
            await _emulator.AdvanceClockAsync(TimeSpan.FromHours(1));
            var hourLater = await ledger.ReconcileAsync("instance-a", options);
            await _emulator.AdvanceClockAsync(TimeSpan.FromHours(23));
            var dayLater = await ledger.ReconcileAsync("instance-a", options);

            Assert.That(first.Read, Is.EqualTo(2));
            Assert.That(hourLater.Read, Is.EqualTo(1), "only the one not ACTIVE yet");
            Assert.That(dayLater.Read, Is.EqualTo(2));
        }

        [Test]
        public void Reconciler_options_that_make_no_sense_are_refused_naming_the_setting()
        {
            var ledger = NewLedger();
            var failure = Assert.ThrowsAsync<ArgumentException>(async () =>
                await ledger.ReconcileAsync("instance-a", new EndCustomerReconcilerOptions { Interval = TimeSpan.FromHours(2), SettledInterval = TimeSpan.FromHours(1) }));

            Assert.That(failure!.Message, Does.Contain("SettledInterval"));
        }
    }
}
