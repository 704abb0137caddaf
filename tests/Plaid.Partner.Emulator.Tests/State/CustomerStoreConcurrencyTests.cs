using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.State
{
    /// <summary>
    /// 10,000 lifecycle calls (Plaid calls and the review control) from 64 concurrent workers against one emulator over
    /// loopback: no customer is lost or duplicated, every observed answer is one the lifecycle allows, and every status
    /// history moves only along the lifecycle of Plaid docs, Account › Resellers. The figures are written to the test output; nothing is timed.
    /// </summary>
    public class CustomerStoreConcurrencyTests
    {
        private const int TotalCalls = 10_000;
        private const int Workers = 64;
        private const string Ok = "OK";

        /// <summary>The lifecycle of Plaid docs, Account › Resellers, written out here rather than taken from the emulator.</summary>
        private static readonly HashSet<(string, string)> LegalMoves = new()
        {
            ("UNDER_REVIEW", "PENDING_ENABLEMENT"),
            ("UNDER_REVIEW", "DENIED"),
            ("PENDING_ENABLEMENT", "ACTIVE"),
            ("UNDER_REVIEW", "REMOVED"),
            ("PENDING_ENABLEMENT", "REMOVED"),
            ("DENIED", "REMOVED"),
        };

        [Test]
        public async Task Ten_thousand_lifecycle_calls_at_64_way_concurrency_lose_duplicate_and_skip_nothing()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var run = new Run(emulator, emulator.CreateClient(), TotalCalls);

            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => run.WorkAsync(new Random(worker)))));
            stopwatch.Stop();

            var customers = await emulator.GetCustomersAsync();
            var created = run.Created.ToList();
            var figures = $"emulator concurrency: {run.Calls} calls ({run.PlaidCalls} Plaid, {run.Calls - run.PlaidCalls} control) from {Workers} workers, "
                + $"{created.Count} customers created ({customers.Count(c => c.Removed)} removed, {customers.Count(c => c.Status == PartnerEndCustomerStatus.Active)} active), "
                + $"{run.Lifecycles} lifecycles, elapsed {stopwatch.Elapsed.TotalSeconds:0.00} s";
            TestContext.Out.WriteLine(figures);
            TestContext.Progress.WriteLine(figures);

            Assert.Multiple(() =>
            {
                Assert.That(run.Failures, Is.Empty, "every answer was one the lifecycle allows");
                Assert.That(run.Calls, Is.EqualTo(TotalCalls));
                Assert.That(created, Is.Unique, "no create answered with an id already given out");
                Assert.That(customers.Select(c => c.ClientId), Is.Unique, "the emulator holds each customer once");
                Assert.That(customers.Select(c => c.ClientId), Is.EquivalentTo(created), "no customer lost, none appeared from nowhere");
                foreach (var customer in customers)
                {
                    var history = customer.StatusHistory;
                    Assert.That(history[0], Is.EqualTo("UNDER_REVIEW"), customer.ClientId);
                    Assert.That(history.Zip(history.Skip(1)).Where(move => !LegalMoves.Contains(move)), Is.Empty, $"{customer.ClientId}: {string.Join(" -> ", history)}");
                    var expected = run.Expected[customer.ClientId];
                    Assert.That((customer.Status.ToString(), customer.Removed), Is.EqualTo(expected), $"{customer.ClientId}: {string.Join(" -> ", history)}");
                }
            });
        }

        /// <summary>One run's shared state: the call budget, what the workers saw, and what each customer must end as.</summary>
        private sealed class Run
        {
            private readonly PlaidPartnerEmulator _emulator;
            private readonly PlaidPartnerClient _client;
            private int _remaining;
            private int _calls;
            private int _plaidCalls;
            private int _lifecycles;

            public Run(PlaidPartnerEmulator emulator, PlaidPartnerClient client, int budget)
            {
                _emulator = emulator;
                _client = client;
                _remaining = budget;
            }

            public int Calls => _calls;

            public int PlaidCalls => _plaidCalls;

            public int Lifecycles => _lifecycles;

            public ConcurrentQueue<string> Created { get; } = new();

            public ConcurrentDictionary<string, (string Status, bool Removed)> Expected { get; } = new();

            public ConcurrentQueue<string> Failures { get; } = new();

            public async Task WorkAsync(Random random)
            {
                var plans = new (int Calls, Func<Task> Run)[]
                {
                    (6, EnableAndRefuseRemovalAsync),
                    (5, DenyThenRemoveAsync),
                    (3, RemoveUnderReviewAsync),
                    (5, RaceEnableEnableRemoveAsync),
                    (3, RaceDuplicateCreateAsync),
                };
                while (true)
                {
                    var plan = plans[random.Next(plans.Length)];
                    if (Take(plan.Calls))
                    {
                        await plan.Run();
                        Interlocked.Increment(ref _lifecycles);
                    }
                    else if (Take(1))
                    {
                        Expect(await PlaidAsync(() => _client.GetEndCustomerAsync("never-created")), PlaidPartnerErrorCodes.CustomerNotFound, "get of an unknown id");
                    }
                    else
                    {
                        return;
                    }
                }
            }

            // create, get, approve, enable, get, remove (refused): ends ACTIVE.
            private async Task EnableAndRefuseRemovalAsync()
            {
                var id = await CreateAsync(CreateRequests.UniqueName());
                Expect(await StatusAsync(id), "UNDER_REVIEW", "get after create");
                await ControlAsync(() => _emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement));
                Expect(await PlaidAsync(() => _client.EnableEndCustomerAsync(id)), Ok, "enable of a pending customer");
                Expect(await StatusAsync(id), "ACTIVE", "get after enable");
                Expect(await PlaidAsync(() => _client.RemoveEndCustomerAsync(id)), PlaidPartnerErrorCodes.CustomerRemovalNotAllowed, "remove of an active customer");
                Expected[id] = ("ACTIVE", false);
            }

            // create, deny, enable (refused), remove, get (gone): ends DENIED and removed.
            private async Task DenyThenRemoveAsync()
            {
                var id = await CreateAsync(CreateRequests.UniqueName());
                await ControlAsync(() => _emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.Denied));
                Expect(await PlaidAsync(() => _client.EnableEndCustomerAsync(id)), PlaidPartnerErrorCodes.CustomerNotReadyForEnablement, "enable of a denied customer");
                Expect(await PlaidAsync(() => _client.RemoveEndCustomerAsync(id)), Ok, "remove of a denied customer");
                Expect(await PlaidAsync(() => _client.GetEndCustomerAsync(id)), PlaidPartnerErrorCodes.CustomerNotFound, "get after remove");
                Expected[id] = ("DENIED", true);
            }

            // create, remove, get (gone): ends UNDER_REVIEW and removed.
            private async Task RemoveUnderReviewAsync()
            {
                var id = await CreateAsync(CreateRequests.UniqueName());
                Expect(await PlaidAsync(() => _client.RemoveEndCustomerAsync(id)), Ok, "remove under review");
                Expect(await PlaidAsync(() => _client.GetEndCustomerAsync(id)), PlaidPartnerErrorCodes.CustomerNotFound, "get after remove");
                Expected[id] = ("UNDER_REVIEW", true);
            }

            // create, approve, then enable + enable + remove at once: exactly one of them decides the outcome.
            private async Task RaceEnableEnableRemoveAsync()
            {
                var id = await CreateAsync(CreateRequests.UniqueName());
                await ControlAsync(() => _emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement));
                var answers = await Task.WhenAll(
                    PlaidAsync(() => _client.EnableEndCustomerAsync(id)),
                    PlaidAsync(() => _client.EnableEndCustomerAsync(id)),
                    PlaidAsync(() => _client.RemoveEndCustomerAsync(id)));
                var enables = answers.Take(2).OrderBy(a => a, StringComparer.Ordinal).ToArray();
                var remove = answers[2];
                if (remove == Ok)
                {
                    Expect(string.Join(",", enables), $"{PlaidPartnerErrorCodes.CustomerNotFound},{PlaidPartnerErrorCodes.CustomerNotFound}", "enables after a winning remove");
                    Expected[id] = ("PENDING_ENABLEMENT", true);
                }
                else
                {
                    Expect(remove, PlaidPartnerErrorCodes.CustomerRemovalNotAllowed, "remove after a winning enable");
                    Expect(string.Join(",", enables), $"{PlaidPartnerErrorCodes.CustomerAlreadyEnabled},{Ok}", "one enable wins, the other finds it enabled");
                    Expected[id] = ("ACTIVE", false);
                }
            }

            // two creates of one application name at once, then a get: exactly one customer.
            private async Task RaceDuplicateCreateAsync()
            {
                var name = CreateRequests.UniqueName();
                var ids = new ConcurrentQueue<string>();
                var answers = await Task.WhenAll(
                    PlaidAsync(async () => ids.Enqueue((await _client.CreateEndCustomerAsync(CreateRequests.Valid(name))).EndCustomer!.ClientId!)),
                    PlaidAsync(async () => ids.Enqueue((await _client.CreateEndCustomerAsync(CreateRequests.Valid(name))).EndCustomer!.ClientId!)));
                Expect(string.Join(",", answers.OrderBy(a => a, StringComparer.Ordinal)), $"{PlaidPartnerErrorCodes.CustomerAlreadyCreated},{Ok}", "one of two identical creates wins");
                foreach (var id in ids)
                {
                    Created.Enqueue(id);
                    Expected[id] = ("UNDER_REVIEW", false);
                    Expect(await StatusAsync(id), "UNDER_REVIEW", "get of the winner");
                }
            }

            private async Task<string> CreateAsync(string applicationName)
            {
                Interlocked.Increment(ref _plaidCalls);
                var id = (await _client.CreateEndCustomerAsync(CreateRequests.Valid(applicationName))).EndCustomer!.ClientId!;
                Created.Enqueue(id);
                return id;
            }

            private async Task<string> StatusAsync(string id)
            {
                var status = "(none)";
                var answer = await PlaidAsync(async () => status = (await _client.GetEndCustomerAsync(id)).EndCustomer!.Status.ToString());
                return answer == Ok ? status : answer;
            }

            private async Task<string> PlaidAsync(Func<Task> call)
            {
                Interlocked.Increment(ref _plaidCalls);
                try
                {
                    await call();
                    return Ok;
                }
                catch (PlaidApiException e)
                {
                    return e.ErrorCode ?? $"HTTP {(int)e.StatusCode}";
                }
            }

            private static async Task ControlAsync(Func<Task> call) => await call();

            private bool Take(int calls)
            {
                while (true)
                {
                    var remaining = Volatile.Read(ref _remaining);
                    if (remaining < calls)
                    {
                        return false;
                    }

                    if (Interlocked.CompareExchange(ref _remaining, remaining - calls, remaining) == remaining)
                    {
                        Interlocked.Add(ref _calls, calls);
                        return true;
                    }
                }
            }

            private void Expect(string actual, string expected, string what)
            {
                if (actual != expected)
                {
                    Failures.Enqueue($"{what}: expected {expected}, got {actual}");
                }
            }
        }
    }
}
