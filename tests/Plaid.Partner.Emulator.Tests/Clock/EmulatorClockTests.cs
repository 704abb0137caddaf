using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Clock;

namespace Plaid.Partner.Emulator.Tests.Clock
{
    /// <summary>The emulator's clock: its time, its timers, and the two ways it moves (advance, or its source moving).</summary>
    public class EmulatorClockTests
    {
        private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [Test]
        public async Task Advancing_fires_each_timer_due_on_the_way_at_its_own_time_in_order()
        {
            using var clock = new EmulatorClock(new FakeTimeProvider(T0));
            var fired = new ConcurrentQueue<(string Name, DateTimeOffset At)>();
            using var late = clock.CreateTimer(_ => fired.Enqueue(("late", clock.GetUtcNow())), null, TimeSpan.FromHours(3), Timeout.InfiniteTimeSpan);
            using var early = clock.CreateTimer(_ => fired.Enqueue(("early", clock.GetUtcNow())), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
            using var beyond = clock.CreateTimer(_ => fired.Enqueue(("beyond", clock.GetUtcNow())), null, TimeSpan.FromHours(5), Timeout.InfiniteTimeSpan);

            await clock.AdvanceAsync(TimeSpan.FromHours(4));

            Assert.Multiple(() =>
            {
                Assert.That(fired.ToArray(), Is.EqualTo(new[] { ("early", T0.AddMinutes(5)), ("late", T0.AddHours(3)) }));
                Assert.That(clock.GetUtcNow(), Is.EqualTo(T0.AddHours(4)));
                Assert.That(clock.Offset, Is.EqualTo(TimeSpan.FromHours(4)));
            });
        }

        [Test]
        public async Task A_timer_set_while_advancing_fires_in_the_same_advance_when_it_comes_due()
        {
            using var clock = new EmulatorClock(new FakeTimeProvider(T0));
            var fired = new ConcurrentQueue<DateTimeOffset>();
            ITimer? second = null;
            using var first = clock.CreateTimer(
                _ => second = clock.CreateTimer(_ => fired.Enqueue(clock.GetUtcNow()), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan),
                null,
                TimeSpan.FromMinutes(10),
                Timeout.InfiniteTimeSpan);

            await clock.AdvanceAsync(TimeSpan.FromHours(1));
            second?.Dispose();

            Assert.That(fired.ToArray(), Is.EqualTo(new[] { T0.AddMinutes(40) }));
        }

        [Test]
        public void A_timer_fires_when_the_source_clock_moves_too()
        {
            var source = new FakeTimeProvider(T0);
            using var clock = new EmulatorClock(source);
            var fired = 0;
            using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

            source.Advance(TimeSpan.FromMinutes(4));
            var before = Volatile.Read(ref fired);
            source.Advance(TimeSpan.FromMinutes(1));

            Assert.Multiple(() =>
            {
                Assert.That(before, Is.Zero);
                Assert.That(Volatile.Read(ref fired), Is.EqualTo(1));
            });
        }

        [Test]
        public async Task A_disposed_timer_never_fires_and_the_clock_never_moves_back()
        {
            using var clock = new EmulatorClock(new FakeTimeProvider(T0));
            var fired = 0;
            var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
            timer.Dispose();

            await clock.AdvanceAsync(TimeSpan.FromHours(1));

            Assert.Multiple(() =>
            {
                Assert.That(fired, Is.Zero);
                Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(-1)));
            });
        }

        [Test]
        public async Task The_control_endpoint_and_the_method_advance_the_same_clock()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(T0) });
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

            var byMethod = await emulator.AdvanceClockAsync(TimeSpan.FromHours(2));
            using var response = await http.PostAsync("__emulator/clock/advance", new StringContent("{\"hours\": 1, \"minutes\": 30}", Encoding.UTF8, "application/json"));
            var answer = TestSupport.ControlJsonText.Parse(await response.Content.ReadAsStringAsync());
            using var refused = await http.PostAsync("__emulator/clock/advance", new StringContent("{\"hours\": -1}", Encoding.UTF8, "application/json"));

            Assert.Multiple(() =>
            {
                Assert.That(byMethod, Is.EqualTo(T0.AddHours(2)));
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
                Assert.That((string?)answer["now"], Does.StartWith("2026-12-07T12:30:00"));
                Assert.That((double)answer["advanced_seconds"]!, Is.EqualTo(3.5 * 3600));
                Assert.That(emulator.Clock.GetUtcNow(), Is.EqualTo(T0.AddHours(3.5)));
                Assert.That((int)refused.StatusCode, Is.EqualTo(400));
            });
        }

        [Test]
        public async Task Customer_dates_follow_the_emulators_clock()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(T0) });
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(TestSupport.CreateRequests.Valid())).EndCustomer!.ClientId!;

            await emulator.AdvanceClockAsync(TimeSpan.FromDays(3));
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            var institutions = await emulator.CreateClient().GetEndCustomerOAuthInstitutionsAsync(id);

            Assert.That(institutions.Institutions!.Single(i => i.InstitutionId == "ins_56").ProductionEnablementDate, Is.EqualTo("2026-12-10"));
        }
    }
}
