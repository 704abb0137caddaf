using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger.RaceHelper;
using Plaid.Partner.Ledger.Stores;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>
    /// The store contract: every store passes these same tests against the emulator (SqliteLedgerTests, PostgresLedgerTests).
    /// Each test gets a fresh store and a fresh emulator; creates are counted by the emulator's own list of customers.
    /// </summary>
    public abstract partial class LedgerContractTests
    {
        private readonly List<EndCustomerLedger> _ledgers = new();
        private PlaidPartnerEmulator _emulator = null!;

        protected StoreUnderTest Store { get; private set; } = null!;

        [SetUp]
        public async Task StartAsync()
        {
            Store = await CreateStoreAsync();
            _emulator = await PlaidPartnerEmulator.StartAsync();
        }

        [TearDown]
        public async Task StopAsync()
        {
            foreach (var ledger in _ledgers)
            {
                await ledger.DisposeAsync();
            }

            _ledgers.Clear();
            if (_emulator is not null)
            {
                await _emulator.DisposeAsync();
            }

            if (Store is not null)
            {
                await Store.DisposeAsync();
            }
        }

        [Test]
        public async Task Onboarding_records_the_client_id_status_and_history_and_hands_the_secrets_to_the_caller_only()
        {
            var ledger = NewLedger();
            var result = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            var customers = await _emulator.GetCustomersAsync();
            var record = await ledger.GetAsync("acct-1");
            var dump = await Store.DumpAsync();
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(result.Outcome, Is.EqualTo(OnboardingOutcome.Created));
                Assert.That(result.Sent, Is.True);
                Assert.That(result.Secrets?.Production, Is.Not.Null.And.Not.Empty);
                Assert.That(customers, Has.Count.EqualTo(1));
                Assert.That(record!.ClientId, Is.EqualTo(customers[0].ClientId));
                Assert.That(record.CreateState, Is.EqualTo(EndCustomerCreateState.Created));
                Assert.That(record.Status, Is.EqualTo(PartnerEndCustomerStatus.UnderReview));
                Assert.That(record.StatusHistory.Select(change => change.Status), Is.EqualTo(new[] { PartnerEndCustomerStatus.UnderReview }));
                Assert.That(record.CompanyName, Is.EqualTo("Acme"));
                Assert.That(record.ApplicationName, Is.EqualTo("App one"));
                Assert.That(record.Api, Is.EqualTo(OnboardingApi.Ga));
                Assert.That(record.LastReadAt, Is.Not.Null);
                Assert.That(dump, Does.Contain(record.ClientId));
                Assert.That(dump, Does.Not.Contain(result.Secrets!.Production));
                Assert.That(dump, Does.Not.Contain(result.Secrets.Sandbox ?? "no sandbox secret"));
                Assert.That(result.ToString() + record, Does.Not.Contain(result.Secrets.Production));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_second_call_with_the_same_reference_sends_nothing_and_says_so()
        {
            var ledger = NewLedger();
            var first = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var second = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one again"));

            Assert.That(second.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
            Assert.That(second.Sent, Is.False);
            Assert.That(second.Secrets, Is.Null);
            Assert.That(second.Record.ClientId, Is.EqualTo(first.Record.ClientId));
            Assert.That(await _emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
        }

        [Test]
        public async Task Two_processes_racing_on_50_references_send_exactly_one_create_for_each()
        {
            const int count = 50;
            var prefix = $"race-{Guid.NewGuid():N}-";
            var ledger = NewLedger();
            await ledger.InitializeAsync();
            using var helper = StartHelper(prefix, count);
            var errors = helper.StandardError.ReadToEndAsync();
            var ready = await helper.StandardOutput.ReadLineAsync();
            if (ready != "ready")
            {
                Assert.Fail($"The race helper did not start: {ready} {await errors}");
            }

            // Both go at once: the helper on its "go", this process right after, 50 references each, all in parallel.
            await helper.StandardInput.WriteLineAsync("go");
            await helper.StandardInput.FlushAsync();
            var here = await Task.WhenAll(Enumerable.Range(0, count).Select(i => ledger.OnboardAsync($"{prefix}{i}", RaceRequest.For(prefix, i, "test"))));
            var there = (await helper.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[1]).ToList();
            await helper.WaitForExitAsync();

            var customers = await _emulator.GetCustomersAsync();
            var records = new List<EndCustomerRecord>();
            for (var i = 0; i < count; i++)
            {
                records.Add((await ledger.GetAsync($"{prefix}{i}"))!);
            }

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(helper.ExitCode, Is.Zero, await errors);
                Assert.That(there, Has.Count.EqualTo(count));
                Assert.That(customers, Has.Count.EqualTo(count), "one end customer per reference, whichever process sent it");
                Assert.That(here.Count(r => r.Outcome == OnboardingOutcome.Created) + there.Count(o => o == nameof(OnboardingOutcome.Created)), Is.EqualTo(count));
                Assert.That(here.Count(r => r.Outcome == OnboardingOutcome.AlreadyRecorded) + there.Count(o => o == nameof(OnboardingOutcome.AlreadyRecorded)), Is.EqualTo(count));
                Assert.That(records.Select(r => r.ClientId), Is.EquivalentTo(customers.Select(c => c.ClientId)));
                Assert.That(records.Select(r => r.CreateState), Is.All.EqualTo(EndCustomerCreateState.Created));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task Two_ledgers_in_one_process_racing_on_one_reference_send_one_create()
        {
            var first = NewLedger();
            var second = NewLedger();
            await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

            var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                (i % 2 == 0 ? first : second).OnboardAsync("one-reference", RaceRequest.Valid($"App {i}"))));

            Assert.That(results.Count(r => r.Sent), Is.EqualTo(1));
            Assert.That(results.Count(r => r.Outcome == OnboardingOutcome.AlreadyRecorded), Is.EqualTo(49));
            Assert.That(await _emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
        }

        [Test]
        public async Task A_connection_dropped_after_the_emulator_received_the_create_leaves_it_in_doubt_and_a_retry_sends_nothing()
        {
            var ledger = NewLedger();
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));

            var dropped = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var retried = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var inDoubt = await ledger.ListAsync(EndCustomerFilter.InDoubt);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(dropped.Outcome, Is.EqualTo(OnboardingOutcome.InDoubt));
                Assert.That(dropped.Record.CreateState, Is.EqualTo(EndCustomerCreateState.InDoubt));
                Assert.That(dropped.Failure, Is.Not.Null);
                Assert.That(dropped.Record.LastError?.ErrorType, Is.Not.Null.And.Not.Empty);
                Assert.That(retried.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
                Assert.That(retried.Record.CreateState, Is.EqualTo(EndCustomerCreateState.InDoubt));
                Assert.That(inDoubt.Records.Select(r => r.Reference), Is.EqualTo(new[] { "acct-1" }));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task An_operator_settles_an_in_doubt_record_as_not_created_and_the_create_goes_again()
        {
            var ledger = NewLedger();
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            var settled = await ledger.SettleAsNotCreatedAsync("acct-1");
            var again = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(settled.CreateState, Is.EqualTo(EndCustomerCreateState.NotCreated));
            Assert.That(again.Outcome, Is.EqualTo(OnboardingOutcome.Created));
            Assert.That(await _emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
        }

        [Test]
        public async Task An_operator_settles_an_in_doubt_record_with_the_client_id_from_the_dashboard()
        {
            var ledger = NewLedger();
            // A create that reached Plaid but whose answer was lost: made here with the bare client, then the ledger's is dropped.
            var made = await _emulator.CreateClient().CreateEndCustomerAsync(RaceRequest.Valid("Made elsewhere"));
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            var settled = await ledger.SettleAsCreatedAsync("acct-1", made.EndCustomer!.ClientId!);
            var again = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(settled.CreateState, Is.EqualTo(EndCustomerCreateState.Created));
            Assert.That(settled.ClientId, Is.EqualTo(made.EndCustomer.ClientId));
            Assert.That(again.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
            Assert.That(async () => await ledger.SettleAsNotCreatedAsync("acct-1"), Throws.InvalidOperationException.With.Message.Contains("not in doubt"));
        }

        [Test]
        public async Task A_definite_400_is_recorded_and_a_corrected_request_goes_again()
        {
            var ledger = NewLedger();
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.Status(400).Times(1));

            var refused = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var corrected = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one corrected"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(refused.Outcome, Is.EqualTo(OnboardingOutcome.Refused));
                Assert.That(refused.Record.CreateState, Is.EqualTo(EndCustomerCreateState.Refused));
                Assert.That(refused.Record.LastError?.HttpStatus, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(refused.Record.LastError?.ErrorCode, Is.Not.Null.And.Not.Empty);
                Assert.That(corrected.Outcome, Is.EqualTo(OnboardingOutcome.Created));
                Assert.That(corrected.Record.ApplicationName, Is.EqualTo("App one corrected"));
                Assert.That(corrected.Record.LastError, Is.Null);
                Assert.That(await _emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task A_500_leaves_the_create_in_doubt()
        {
            var ledger = NewLedger();
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.Status(500).Times(1));

            var result = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(result.Outcome, Is.EqualTo(OnboardingOutcome.InDoubt));
        }

        [Test]
        public async Task A_refused_connection_sent_nothing_so_the_create_may_go_again()
        {
            var closed = new PlaidPartnerClient(new PlaidPartnerOptions
            {
                ClientId = _emulator.ClientId,
                Secret = _emulator.Secret,
                Environment = PlaidEnvironment.Custom(new Uri("http://127.0.0.1:1/"), PlaidEnvironment.Production),
            });
            var refusedLedger = new EndCustomerLedger(closed, Store.Options());
            _ledgers.Add(refusedLedger);

            var notSent = await refusedLedger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var sent = await NewLedger().OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(notSent.Outcome, Is.EqualTo(OnboardingOutcome.NotSent));
            Assert.That(notSent.Record.CreateState, Is.EqualTo(EndCustomerCreateState.NotSent));
            Assert.That(sent.Outcome, Is.EqualTo(OnboardingOutcome.Created));
        }

        [Test]
        public async Task A_pending_create_older_than_the_in_flight_timeout_counts_as_in_doubt()
        {
            var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
            var ledger = NewLedger(time);
            await ledger.InitializeAsync();
            // A process that claimed the reference and died before recording an answer.
            var intent = new LedgerIntent("acct-1", OnboardingApi.Ga, "production", "Acme", "App one");
            Assert.That((await ledger.StoreForTests.ClaimAsync(intent, "dead-claim", time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None)).Claimed, Is.True);

            var young = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            var youngInDoubt = await ledger.ListAsync(EndCustomerFilter.InDoubt);
            time.Advance(EndCustomerLedgerOptions.DefaultInFlightTimeout + TimeSpan.FromSeconds(1));
            var oldInDoubt = await ledger.ListAsync(EndCustomerFilter.InDoubt);
            var old = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(young.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
                Assert.That(young.Record.CreateState, Is.EqualTo(EndCustomerCreateState.Pending));
                Assert.That(youngInDoubt.Records, Is.Empty);
                Assert.That(oldInDoubt.Records.Select(r => r.Reference), Is.EqualTo(new[] { "acct-1" }));
                Assert.That(old.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
                Assert.That(old.Record.CreateState, Is.EqualTo(EndCustomerCreateState.InDoubt));
                Assert.That(await _emulator.GetCustomersAsync(), Is.Empty);
            });
        }

        [Test]
        public async Task A_new_ledger_on_the_same_store_keeps_every_record()
        {
            var before = NewLedger();
            await before.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await before.OnboardAsync("acct-2", RaceRequest.Valid("App two"));
            await before.DisposeAsync();

            var after = NewLedger();
            var all = await after.ListAsync(EndCustomerFilter.All);
            var again = await after.OnboardAsync("acct-1", RaceRequest.Valid("App one"));

            Assert.That(all.Records.Select(r => (r.Reference, r.CreateState)), Is.EqualTo(new[]
            {
                ("acct-1", EndCustomerCreateState.Created),
                ("acct-2", EndCustomerCreateState.InDoubt),
            }));
            Assert.That(again.Outcome, Is.EqualTo(OnboardingOutcome.AlreadyRecorded));
            Assert.That(await _emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
        }

        [Test]
        public async Task Pages_come_in_reference_order_by_status_and_with_requirements_due()
        {
            var ledger = NewLedger();
            foreach (var reference in new[] { "c", "a", "e", "b", "d" })
            {
                await ledger.OnboardAsync(reference, RaceRequest.Valid("App " + reference));
            }

            var beta = await ledger.OnboardBetaAsync("f", BetaRequest());
            var first = await ledger.ListAsync(EndCustomerFilter.WithStatus(PartnerEndCustomerStatus.UnderReview), pageSize: 2);
            var second = await ledger.ListAsync(EndCustomerFilter.WithStatus(PartnerEndCustomerStatus.UnderReview), first.NextAfter, pageSize: 2);
            var third = await ledger.ListAsync(EndCustomerFilter.WithStatus(PartnerEndCustomerStatus.UnderReview), second.NextAfter, pageSize: 2);
            var due = await ledger.ListAsync(EndCustomerFilter.WithRequirementsDue);
            var created = await ledger.ListAsync(EndCustomerFilter.WithCreateState(EndCustomerCreateState.Created), pageSize: 10);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.Records.Select(r => r.Reference), Is.EqualTo(new[] { "a", "b" }));
                Assert.That(second.Records.Select(r => r.Reference), Is.EqualTo(new[] { "c", "d" }));
                Assert.That(third.Records.Select(r => r.Reference), Is.EqualTo(new[] { "e" }));
                Assert.That(third.NextAfter, Is.Null);
                Assert.That(beta.Record.Api, Is.EqualTo(OnboardingApi.Beta));
                Assert.That(beta.Record.RequirementsDue, Is.Not.Empty);
                Assert.That(due.Records.Select(r => r.Reference), Is.EqualTo(new[] { "f" }));
                Assert.That(due.Records[0].RequirementsDue, Is.EqualTo(beta.Record.RequirementsDue));
                Assert.That(created.Records, Has.Count.EqualTo(6));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_store_that_is_down_fails_with_a_typed_error_before_anything_is_sent()
        {
            var ledger = new EndCustomerLedger(_emulator.CreateClient(), Store.Unreachable());
            _ledgers.Add(ledger);

            var failure = Assert.ThrowsAsync<LedgerStoreException>(async () => await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one")));

            Assert.That(failure!.Message, Does.Contain(ledger.Store.ToString()));
            Assert.That(failure.Message, Does.Not.Contain("Password").And.Not.Contain("plaid_ledger;"));
            Assert.That(await _emulator.GetCustomersAsync(), Is.Empty);
        }

        [Test]
        public async Task A_request_the_client_would_refuse_records_nothing_and_sends_nothing()
        {
            var ledger = NewLedger();
            var request = RaceRequest.Valid("App one");
            request.CompanyName = null!;

            var failure = Assert.ThrowsAsync<ArgumentException>(async () => await ledger.OnboardAsync("acct-1", request));

            Assert.That(failure!.Message, Does.Contain("company_name"));
            Assert.That(await ledger.GetAsync("acct-1"), Is.Null);
            Assert.That(await _emulator.GetCustomersAsync(), Is.Empty);
        }

        [TestCase("")]
        [TestCase("   ")]
        public void An_empty_reference_is_refused(string reference)
        {
            var ledger = NewLedger();
            Assert.ThrowsAsync<ArgumentException>(async () => await ledger.OnboardAsync(reference, RaceRequest.Valid("App one")));
        }

        [Test]
        public async Task A_reference_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept()
        {
            var ledger = NewLedger();
            var longest = new string('r', EndCustomerLedger.MaxReferenceLength);

            var tooLong = Assert.ThrowsAsync<ArgumentException>(async () => await ledger.OnboardAsync(longest + "r", RaceRequest.Valid("App one")));
            var kept = await ledger.OnboardAsync(longest, RaceRequest.Valid("App two"));

            Assert.That(tooLong!.ParamName, Is.EqualTo("reference"));
            Assert.That((await ledger.GetAsync(longest))?.CreateState, Is.EqualTo(kept.Record.CreateState).And.EqualTo(EndCustomerCreateState.Created));
        }

        [Test]
        public async Task No_secret_reaches_a_log_line()
        {
            var logger = new FakeLogger<EndCustomerLedger>();
            var ledger = new EndCustomerLedger(_emulator.CreateClient(), Store.Options(), logger, null);
            _ledgers.Add(ledger);

            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await ledger.OnboardAsync("acct-2", RaceRequest.Valid("App two"));

            var lines = string.Join("\n", logger.Collector.GetSnapshot().Select(entry => entry.Message + " " + string.Join(",", entry.StructuredState ?? [])));
            Assert.That(lines, Does.Contain("acct-1").And.Contain("acct-2"));
            Assert.That(lines, Does.Not.Contain(created.Secrets!.Production).And.Not.Contain(_emulator.Secret));
        }

        [Test]
        public async Task No_secret_reaches_a_span_an_exception_or_the_store()
        {
            // Process-wide: spans of tests running beside this one land here too, which only widens the check.
            var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name.StartsWith("Plaid.Partner", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = spans.Enqueue,
            };
            ActivitySource.AddActivityListener(listener);
            var ledger = NewLedger();

            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.DropConnection().Times(1));
            await ledger.OnboardAsync("acct-2", RaceRequest.Valid("App two"));
            var refused = Assert.CatchAsync(() => ledger.SettleAsCreatedAsync("acct-1", "client-x"));
            await ledger.RefreshAsync("acct-1");

            var secrets = new[] { created.Secrets!.Production, created.Secrets!.Sandbox, _emulator.Secret }.Where(s => !string.IsNullOrEmpty(s)).ToList();
            var spanText = string.Join("\n", spans.Select(s =>
                $"{s.DisplayName} {s.StatusDescription} {string.Join(",", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))} " +
                string.Join(",", s.Events.Select(e => e.Name + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))))));
            var stored = await Store.DumpAsync();

            Assert.That(spans.Select(s => s.Source.Name), Does.Contain("Plaid.Partner.Ledger").And.Contain("Plaid.Partner"));
            Assert.That(stored, Does.Contain(created.Record.ClientId));
            foreach (var secret in secrets)
            {
                Assert.That(spanText, Does.Not.Contain(secret), "a span");
                Assert.That(refused?.ToString(), Does.Not.Contain(secret), "an exception");
                Assert.That(stored, Does.Not.Contain(secret), "the store");
            }
        }

        [Test]
        public async Task The_schema_is_created_in_an_empty_store_at_the_latest_version()
        {
            var ledger = NewLedger();
            await ledger.InitializeAsync();

            Assert.That(await ledger.StoreForTests.SchemaVersionAsync(CancellationToken.None), Is.EqualTo(LedgerSchema.Latest));
        }

        [Test]
        public async Task The_schema_is_upgraded_from_the_previous_version_keeping_its_records()
        {
            using (var old = (IDisposable)EndCustomerLedger.CreateStore(Store.Options()))
            {
                await ((LedgerStore)old).EnsureSchemaAsync(CancellationToken.None, LedgerSchema.Latest - 1);
            }

            await Store.ExecuteAsync(
                "INSERT INTO plaid_end_customers (reference, api, environment, company_name, application_name, create_state, client_id, status, recorded_at, updated_at) " +
                "VALUES ('old-1', 'ga', 'production', 'Acme', 'Old app', 'Created', 'client-old-1', 'ACTIVE', 1, 2)");
            var ledger = NewLedger();
            await ledger.InitializeAsync();
            var record = await ledger.GetAsync("old-1");

            Assert.That(await ledger.StoreForTests.SchemaVersionAsync(CancellationToken.None), Is.EqualTo(LedgerSchema.Latest));
            Assert.That(record?.ClientId, Is.EqualTo("client-old-1"));
            Assert.That(record?.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
            Assert.That(record?.RequirementsDue, Is.Empty);
            Assert.That(record?.RemovedAt, Is.Null);
        }

        [Test]
        public async Task A_store_written_by_a_newer_version_is_refused()
        {
            var ledger = NewLedger();
            await ledger.InitializeAsync();
            await Store.ExecuteAsync($"INSERT INTO plaid_ledger_schema (version, applied_at) VALUES ({LedgerSchema.Latest + 1}, 0)");

            var fresh = NewLedger();
            var failure = Assert.ThrowsAsync<LedgerStoreException>(async () => await fresh.InitializeAsync());

            Assert.That(failure!.Message, Does.Contain("newer"));
        }

        [Test]
        public async Task A_refresh_records_a_status_change_with_its_time_and_each_oauth_registration_and_a_repeat_changes_nothing()
        {
            var ledger = NewLedger();
            var created = await ledger.OnboardAsync("acct-1", RaceRequest.Valid("App one"));
            await _emulator.SetCustomerStatusAsync(created.Record.ClientId!, PartnerEndCustomerStatus.PendingEnablement);
            var institutions = await _emulator.CreateClient().GetEndCustomerOAuthInstitutionsAsync(created.Record.ClientId!);

            var first = await ledger.RefreshAsync("acct-1");
            var repeat = await ledger.RefreshAsync("acct-1");
            var record = await ledger.GetAsync("acct-1");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(first.Changes, Is.GreaterThanOrEqualTo(1));
                Assert.That(repeat.Changes, Is.Zero);
                Assert.That(record!.Status, Is.EqualTo(PartnerEndCustomerStatus.PendingEnablement));
                Assert.That(record.StatusHistory.Select(c => c.Status), Is.EqualTo(new[] { PartnerEndCustomerStatus.UnderReview, PartnerEndCustomerStatus.PendingEnablement }));
                Assert.That(record.OAuthRegistrations.Select(r => r.InstitutionId), Is.EquivalentTo(institutions.Institutions!.Select(i => i!.InstitutionId)));
                Assert.That(record.LastReadAt, Is.GreaterThanOrEqualTo(record.StatusHistory[^1].ChangedAt));
                await Task.CompletedTask;
            });
        }

        [Test]
        public async Task A_429_mid_batch_pauses_the_batch_and_every_customer_is_still_refreshed()
        {
            var ledger = NewLedger();
            for (var i = 0; i < 5; i++)
            {
                await ledger.OnboardAsync($"acct-{i}", RaceRequest.Valid($"App {i}"));
            }

            // More 429s than the client's own retries, so the batch sees one and must pause (Retry-After: 1 second).
            await _emulator.InjectFaultAsync("/partner/customer/get", EmulatorFault.RateLimit(TimeSpan.FromSeconds(1)).Times(5));
            var progress = new List<RefreshResult>();
            var summary = await ledger.RefreshAllAsync(EndCustomerFilter.All, maxConcurrency: 1, new SynchronousProgress<RefreshResult>(progress.Add));

            Assert.That(summary.Failures, Is.Empty);
            Assert.That(summary.Read, Is.EqualTo(5));
            Assert.That(summary.RateLimitPauses, Is.GreaterThanOrEqualTo(1));
            Assert.That(progress.Select(p => p.Reference), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"acct-{i}")));
        }

        protected abstract Task<StoreUnderTest> CreateStoreAsync();

        private static BetaPartnerCustomerV1CreateRequest BetaRequest() => new()
        {
            CompanyName = "Acme",
            ApplicationName = "Beta app " + Guid.NewGuid().ToString("N"),
            Website = "https://acme.example",
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo(),
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            Products = new[] { Products.Auth },
        };

        private EndCustomerLedger NewLedger(TimeProvider? time = null)
        {
            var ledger = new EndCustomerLedger(_emulator.CreateClient(), Store.Options(), null, time);
            _ledgers.Add(ledger);
            return ledger;
        }

        private Process StartHelper(string prefix, int total)
        {
            var helper = Path.Combine(TestContext.CurrentContext.TestDirectory, "Plaid.Partner.Ledger.RaceHelper.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var count = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var argument in new[] { helper, Store.Kind, Store.Connection, _emulator.BaseAddress.ToString(), _emulator.ClientId, prefix, count })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PLAID_PARTNER_RACE_SECRET"] = _emulator.Secret;
            return Process.Start(start)!;
        }
    }
}
