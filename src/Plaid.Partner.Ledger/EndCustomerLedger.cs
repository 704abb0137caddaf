using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Ledger.Internal;
using Plaid.Partner.Ledger.Stores;

namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// A durable ledger of the end customers a partner onboards, keyed by the partner's own reference, with at-most-once
    /// creates. Plaid's create is billable and takes no idempotency key, so a create retried after a timeout, or sent by
    /// two app instances at once, would make a second end customer. The ledger records the intent under the reference
    /// before sending, in a claim only one caller can win (in this process or another sharing the store); it sends again
    /// only after a definite "not created"; and an unknown outcome stays in doubt until an operator settles it.
    /// Thread-safe; one per app (or resolve it from <c>AddPlaidPartnerLedger</c>).
    /// </summary>
    /// <remarks>
    /// The ledger never stores the end customer's secrets: Plaid returns them once, in the create's answer, and
    /// <see cref="OnboardingResult.Secrets"/> hands them to the caller. Store failures throw
    /// <see cref="LedgerStoreException"/>; an onboarding call that throws it sent nothing.
    /// </remarks>
    public class EndCustomerLedger : IDisposable, IAsyncDisposable
    {
        /// <summary>The longest reference the ledger takes, in characters.</summary>
        public const int MaxReferenceLength = 200;

        /// <summary>The most records one page holds.</summary>
        public const int MaxPageSize = 1000;

        private readonly Func<PlaidPartnerClient> _clients = null!;
        private readonly LedgerStore _store = null!;
        private readonly bool _ownsStore;
        private readonly TimeSpan _inFlightTimeout;
        private readonly ILogger _logger = NullLogger.Instance;
        private readonly TimeProvider _time = TimeProvider.System;
        private readonly int _stuckAfterBusinessDays = EndCustomerLedgerOptions.DefaultStuckAfterBusinessDays;
        private readonly IEndCustomerEvents[] _events = Array.Empty<IEndCustomerEvents>();
        private int _disposed;

        /// <summary>For mocking only: a ledger built this way has no store and no client.</summary>
        protected EndCustomerLedger()
        {
        }

        /// <summary>Creates a ledger that onboards through <paramref name="client"/> and records in the store the options choose.</summary>
        /// <param name="client">The client that sends Plaid's creates (Production, or an emulator that stands for it).</param>
        /// <param name="options">The store and the in-flight timeout; copied and checked here.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The options name no store or are invalid; the message says which setting.</exception>
        public EndCustomerLedger(PlaidPartnerClient client, EndCustomerLedgerOptions options)
            : this(client, options, logger: null, timeProvider: null)
        {
        }

        /// <summary>Creates a ledger that logs to <paramref name="logger"/> and reads the time from <paramref name="timeProvider"/>.</summary>
        /// <param name="client">The client that sends Plaid's creates (Production, or an emulator that stands for it).</param>
        /// <param name="options">The store and the in-flight timeout; copied and checked here.</param>
        /// <param name="logger">Where outcomes are logged (references, states and error codes; never secrets); null for none.</param>
        /// <param name="timeProvider">The clock for recorded times and the in-flight timeout; null for the system clock.</param>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">The options name no store or are invalid; the message says which setting.</exception>
        public EndCustomerLedger(PlaidPartnerClient client, EndCustomerLedgerOptions options, ILogger<EndCustomerLedger>? logger, TimeProvider? timeProvider)
            : this(Single(client), CreateStore(options), ownsStore: true, options, logger, timeProvider)
        {
        }

        /// <summary>Creates a ledger that also tells <paramref name="events"/> about each change it records, after storing it.</summary>
        /// <param name="client">The client that sends Plaid's creates and reads (Production, or an emulator that stands for it).</param>
        /// <param name="options">The store, the in-flight timeout and the stuck threshold; copied and checked here.</param>
        /// <param name="logger">Where outcomes are logged (references, states and error codes; never secrets); null for none.</param>
        /// <param name="timeProvider">The clock for recorded times, the in-flight timeout and stuck registrations; null for the system clock.</param>
        /// <param name="events">Told about each recorded change, in order; null or empty for none.</param>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">The options name no store or are invalid; the message says which setting.</exception>
        public EndCustomerLedger(
            PlaidPartnerClient client,
            EndCustomerLedgerOptions options,
            ILogger<EndCustomerLedger>? logger,
            TimeProvider? timeProvider,
            IEnumerable<IEndCustomerEvents>? events)
            : this(Single(client), CreateStore(options), ownsStore: true, options, logger, timeProvider, events)
        {
        }

        internal EndCustomerLedger(
            Func<PlaidPartnerClient> clients,
            LedgerStore store,
            bool ownsStore,
            EndCustomerLedgerOptions options,
            ILogger? logger,
            TimeProvider? timeProvider,
            IEnumerable<IEndCustomerEvents>? events = null)
        {
            _clients = clients;
            _stuckAfterBusinessDays = options.StuckAfterBusinessDays;
            _events = events?.Where(handler => handler is not null).ToArray() ?? Array.Empty<IEndCustomerEvents>();
            _store = store;
            _ownsStore = ownsStore;
            _inFlightTimeout = options.InFlightTimeout;
            _logger = logger ?? NullLogger.Instance;
            _time = timeProvider ?? TimeProvider.System;
        }

        /// <summary>The store this ledger keeps its records in.</summary>
        public virtual LedgerStoreKind Store => _store.Kind;

        internal LedgerStore StoreForTests => _store;

        /// <summary>
        /// Creates the ledger's tables, or upgrades them to this version's schema, now rather than on the first call. Safe to
        /// call from several instances at once: they upgrade one at a time.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the tables are ready.</returns>
        /// <exception cref="LedgerStoreException">The store is unreachable or its schema is newer than this version knows.</exception>
        public virtual Task InitializeAsync(CancellationToken cancellationToken = default) => _store.EnsureSchemaAsync(cancellationToken);

        /// <summary>
        /// Onboards an end customer through <c>/partner/customer/create</c>, at most once per reference: records the intent
        /// under <paramref name="reference"/>, then sends the create, then records Plaid's answer. A reference already
        /// recorded (created, in flight or in doubt) sends nothing and returns its record with
        /// <see cref="OnboardingOutcome.AlreadyRecorded"/>; one whose last create Plaid refused, or that never left, is sent
        /// again with this request.
        /// </summary>
        /// <param name="reference">The partner's own unique id for the end customer; 1 to <see cref="MaxReferenceLength"/> characters.</param>
        /// <param name="request">The end customer's details; checked as the client checks them before anything is recorded.</param>
        /// <param name="cancellationToken">Cancels the call; cancelled while the create is on its way, the record is left in doubt.</param>
        /// <returns>What was done, the record, and (only when this call created the end customer) its secrets.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long, or the request is invalid; nothing was recorded.</exception>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox, where Plaid creates no end customers; nothing was recorded.</exception>
        /// <exception cref="LedgerStoreException">The store failed before the create was sent; nothing was sent.</exception>
        /// <exception cref="OperationCanceledException">The call was cancelled (after recording the create in doubt, if it was on its way).</exception>
        public virtual Task<OnboardingResult> OnboardAsync(string reference, PartnerCustomerCreateRequest request, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            RequestPrecheck.Check(request, nameof(request));
            var client = ProductionClient(PlaidPartnerClientPaths.Create);
            var intent = new LedgerIntent(reference, OnboardingApi.Ga, client.Environment.Name, request.CompanyName, request.ApplicationName);
            return OnboardCoreAsync(
                intent,
                async ct =>
                {
                    var answer = await client.CreateEndCustomerAsync(request, ct).ConfigureAwait(false);
                    var created = answer.EndCustomer;
                    return new CreateAnswer(created?.ClientId, created?.Status, created?.Secrets, RequirementsDue: null);
                },
                cancellationToken);
        }

        /// <summary>
        /// Onboards an end customer through the beta <c>/beta/partner/customer/v1/create</c>, at most once per reference, as
        /// <see cref="OnboardAsync(string, PartnerCustomerCreateRequest, CancellationToken)"/> does; the record also keeps
        /// what the beta API says is still due.
        /// </summary>
        /// <param name="reference">The partner's own unique id for the end customer; 1 to <see cref="MaxReferenceLength"/> characters.</param>
        /// <param name="request">The end customer's details; checked as the client checks them before anything is recorded.</param>
        /// <param name="cancellationToken">Cancels the call; cancelled while the create is on its way, the record is left in doubt.</param>
        /// <returns>What was done, the record, and (only when this call created the end customer) its secrets.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long, or the request is invalid; nothing was recorded.</exception>
        /// <exception cref="PlaidProductionOnlyException">The client is configured for Sandbox, where Plaid creates no end customers; nothing was recorded.</exception>
        /// <exception cref="LedgerStoreException">The store failed before the create was sent; nothing was sent.</exception>
        /// <exception cref="OperationCanceledException">The call was cancelled (after recording the create in doubt, if it was on its way).</exception>
        public virtual Task<OnboardingResult> OnboardBetaAsync(string reference, BetaPartnerCustomerV1CreateRequest request, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            RequestPrecheck.Check(request, nameof(request));
            var client = ProductionClient(PlaidPartnerClientPaths.BetaCreate);
            var intent = new LedgerIntent(reference, OnboardingApi.Beta, client.Environment.Name, request.CompanyName, request.ApplicationName);
            return OnboardCoreAsync(
                intent,
                async ct =>
                {
                    var answer = await client.Beta.CreateEndCustomerAsync(request, ct).ConfigureAwait(false);
                    var created = answer.EndCustomer;
                    return new CreateAnswer(created?.ClientId, created?.Status, created?.Secrets, created?.RequirementsDue is { } due ? new List<PartnerEndCustomerRequirementDue>(due) : null);
                },
                cancellationToken);
        }

        /// <summary>One record with its status history and OAuth registrations.</summary>
        /// <param name="reference">The partner's reference.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The record, or null when the reference is not recorded.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<EndCustomerRecord?> GetAsync(string reference, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            using var activity = LedgerTelemetry.Start("Get");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var found = await _store.GetAsync(reference, details: true, cancellationToken).ConfigureAwait(false);
            return found?.Record;
        }

        /// <summary>
        /// A page of records in reference order (ordinal): by status (<see cref="EndCustomerFilter.WithStatus"/>), with
        /// anything due, in doubt, or all. Keyset paging: pass the page's <see cref="EndCustomerPage.NextAfter"/> to read on;
        /// records added meanwhile after that reference appear, none repeats.
        /// </summary>
        /// <param name="filter">Which records.</param>
        /// <param name="after">The reference the previous page ended with; null for the first page.</param>
        /// <param name="pageSize">Records per page, 1 to <see cref="MaxPageSize"/>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The page, without status histories or OAuth registrations (<see cref="GetAsync"/> has them).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<EndCustomerPage> ListAsync(EndCustomerFilter filter, string? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
        {
            if (filter is null)
            {
                throw new ArgumentNullException(nameof(filter));
            }

            if (pageSize is < 1 or > MaxPageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxPageSize} records.");
            }

            using var activity = LedgerTelemetry.Start("List");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return await _store.ListAsync(filter, after, pageSize, StaleBefore(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Settles an in-doubt record as created: an operator found the end customer in Plaid's Dashboard (End Customer
        /// Summary) and attaches its <c>client_id</c>. Its secrets cannot be recovered from the ledger; Plaid's Dashboard
        /// shows them.
        /// </summary>
        /// <param name="reference">The partner's reference.</param>
        /// <param name="clientId">The end customer's <c>client_id</c> from Plaid's Dashboard.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The record, now <see cref="EndCustomerCreateState.Created"/>.</returns>
        /// <exception cref="ArgumentException">The reference or client_id is empty, white space or too long.</exception>
        /// <exception cref="InvalidOperationException">The reference is not recorded, is not in doubt, or another record holds the client_id.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual Task<EndCustomerRecord> SettleAsCreatedAsync(string reference, string clientId, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("The client_id is empty or white space; copy it from Plaid's Dashboard.", nameof(clientId));
            }

            return SettleCoreAsync(reference, clientId, cancellationToken);
        }

        /// <summary>
        /// Settles an in-doubt record as not created: an operator checked Plaid's Dashboard and found no such end customer.
        /// The next onboarding call for the reference sends the create again.
        /// </summary>
        /// <param name="reference">The partner's reference.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The record, now <see cref="EndCustomerCreateState.NotCreated"/>.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long.</exception>
        /// <exception cref="InvalidOperationException">The reference is not recorded or is not in doubt.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual Task<EndCustomerRecord> SettleAsNotCreatedAsync(string reference, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            return SettleCoreAsync(reference, clientId: null, cancellationToken);
        }

        /// <summary>
        /// Reads one end customer from Plaid (<c>/partner/customer/get</c> and <c>/partner/customer/oauth_institutions/get</c>)
        /// and records every change with its time: a new status in the history, each institution's OAuth status and when it
        /// changed. Plaid's answer is the truth, so a refresh after a late, older webhook cannot move anything backwards.
        /// </summary>
        /// <param name="reference">The partner's reference of a created end customer.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>What was recorded: the number of changes.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long.</exception>
        /// <exception cref="InvalidOperationException">The reference is not recorded, has no client_id yet, or was removed.</exception>
        /// <exception cref="PlaidApiException">Plaid refused a read.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<RefreshResult> RefreshAsync(string reference, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            using var activity = LedgerTelemetry.Start("Refresh");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var found = await _store.GetAsync(reference, details: false, cancellationToken).ConfigureAwait(false);
            var clientId = found?.Record.ClientId
                ?? throw new InvalidOperationException(found is null
                    ? $"Reference {reference} is not in the ledger."
                    : $"Reference {reference} has no client_id yet ({found.Value.Record.CreateState}).");
            if (found.Value.Record.RemovedAt is { } removedAt)
            {
                throw new InvalidOperationException($"Reference {reference} was removed at {removedAt:u}; Plaid has nothing to read.");
            }

            return new RefreshResult(reference, await ReadAndRecordAsync(reference, found.Value.Record.Api, clientId, cancellationToken).ConfigureAwait(false), failure: null);
        }

        /// <summary>
        /// Refreshes the end customer that holds <paramref name="clientId"/>, as <see cref="RefreshAsync"/> does: what a
        /// webhook names is read from Plaid rather than taken from the webhook.
        /// </summary>
        /// <param name="clientId">Plaid's <c>client_id</c> of the end customer.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>What was recorded, or null when no record holds that client_id.</returns>
        /// <exception cref="ArgumentException"><paramref name="clientId"/> is null, empty or white space.</exception>
        /// <exception cref="PlaidApiException">Plaid refused a read.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<RefreshResult?> RefreshByClientIdAsync(string clientId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(clientId))
            {
                throw new ArgumentException("The client_id is empty or white space.", nameof(clientId));
            }

            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return await _store.ReferenceOfClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is { } reference
                ? await RefreshAsync(reference, cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary>
        /// Every OAuth registration flagged stuck, oldest flag first: one not APPROVED or ENABLED
        /// <see cref="EndCustomerLedgerOptions.StuckAfterBusinessDays"/> business days after the end customer's enable (Plaid's
        /// reseller guide: contact your Plaid account manager then), or one in ATTENTION_REQUIRED, with Plaid's error message.
        /// Registrations are flagged when they are refreshed (<see cref="RefreshAsync"/>, <see cref="RefreshAllAsync"/>, the
        /// webhook handler or the reconciler); one that reaches APPROVED or ENABLED leaves the list.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The stuck registrations.</returns>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<IReadOnlyList<StuckRegistration>> ListStuckAsync(CancellationToken cancellationToken = default)
        {
            using var activity = LedgerTelemetry.Start("ListStuck");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return await _store.ListStuckAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Refreshes every created end customer the filter selects (denied and removed ones are final and skipped), at most
        /// <paramref name="maxConcurrency"/> at a time. It goes on past one customer's failure, and a 429
        /// <c>RATE_LIMIT_EXCEEDED</c> pauses the whole batch (for Plaid's <c>Retry-After</c> when given) and retries that
        /// customer, instead of failing it.
        /// </summary>
        /// <param name="filter">Which records; <see cref="EndCustomerFilter.All"/> for every one.</param>
        /// <param name="maxConcurrency">How many end customers are read at once, 1 to 64.</param>
        /// <param name="progress">Told about each end customer as it is done; null for none.</param>
        /// <param name="cancellationToken">Cancels the batch.</param>
        /// <returns>How many were read, changed and failed.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is out of range.</exception>
        /// <exception cref="LedgerStoreException">The store failed while listing the records.</exception>
        public virtual async Task<RefreshSummary> RefreshAllAsync(
            EndCustomerFilter filter,
            int maxConcurrency = 4,
            IProgress<RefreshResult>? progress = null,
            CancellationToken cancellationToken = default)
        {
            if (filter is null)
            {
                throw new ArgumentNullException(nameof(filter));
            }

            if (maxConcurrency is < 1 or > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "Refresh 1 to 64 end customers at a time.");
            }

            using var activity = LedgerTelemetry.Start("RefreshAll");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var gate = new RateLimitGate(_time);
            var tally = new RefreshTally();
            string? after = null;
            do
            {
                var page = await _store.ListAsync(filter, after, MaxPageSize, StaleBefore(), cancellationToken).ConfigureAwait(false);
                var due = page.Records.Where(r => r.IsRefreshable).ToList();
                await ConcurrentWork.RunAsync(
                    due,
                    maxConcurrency,
                    async record =>
                    {
                        var result = await RefreshWithBackoffAsync(record.Reference, record.Api, record.ClientId!, gate, cancellationToken).ConfigureAwait(false);
                        tally.Add(result);
                        progress?.Report(result);
                    },
                    cancellationToken).ConfigureAwait(false);
                after = page.NextAfter;
            }
            while (after is not null);

            return tally.Summarize(gate.Pauses, activity);
        }

        /// <summary>
        /// One reconciler round: leases the records that are due (created, not denied, their next refresh time reached, not
        /// leased by another instance), refreshes them as <see cref="RefreshAllAsync"/> does, and releases each with the
        /// time it is next due: after <see cref="EndCustomerReconcilerOptions.Interval"/> when it changed in this round, was
        /// enabled within <see cref="EndCustomerReconcilerOptions.RecentWindow"/> or is not ACTIVE yet, else after
        /// <see cref="EndCustomerReconcilerOptions.SettledInterval"/>. Several instances may run rounds on one PostgreSQL
        /// ledger at once: each record is leased by one of them, and a lease not released (a crashed instance) lapses after
        /// <see cref="EndCustomerReconcilerOptions.LeaseDuration"/>. The hosted reconciler in Plaid.Partner.Ledger.AspNetCore
        /// calls this on a timer.
        /// </summary>
        /// <param name="instanceId">This instance's name in the leases (e.g. the machine name and process id); not empty.</param>
        /// <param name="options">The intervals, batch size, concurrency and lease duration; checked here.</param>
        /// <param name="cancellationToken">Cancels the round (leases already taken lapse).</param>
        /// <returns>How many records were read, changed and failed in this round.</returns>
        /// <exception cref="ArgumentException"><paramref name="instanceId"/> is empty or the options are invalid.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<RefreshSummary> ReconcileAsync(string instanceId, EndCustomerReconcilerOptions options, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(instanceId))
            {
                throw new ArgumentException("The instance id is empty or white space.", nameof(instanceId));
            }

            var settings = (options ?? throw new ArgumentNullException(nameof(options))).Copy();
            var problems = settings.Problems();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(options));
            }

            using var activity = LedgerTelemetry.Start("Reconcile");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var gate = new RateLimitGate(_time);
            var tally = new RefreshTally();
            while (true)
            {
                var now = _time.GetUtcNow();
                var leased = await _store.LeaseDueAsync(instanceId, settings.BatchSize, now.ToUnixTimeMilliseconds(), now.Add(settings.LeaseDuration).ToUnixTimeMilliseconds(), cancellationToken)
                    .ConfigureAwait(false);
                if (leased.Count == 0)
                {
                    break;
                }

                await ConcurrentWork.RunAsync(
                    leased,
                    settings.MaxConcurrency,
                    async record =>
                    {
                        var result = await RefreshWithBackoffAsync(record.Reference, record.Api, record.ClientId, gate, cancellationToken).ConfigureAwait(false);
                        var at = _time.GetUtcNow();
                        var recent = result.Changes > 0 || result.Failure is not null || record.Status != "ACTIVE"
                            || (record.EnabledAt is { } enabled && at - RecordReader.Time(enabled) < settings.RecentWindow);
                        var next = at.Add(recent ? settings.Interval : settings.SettledInterval).ToUnixTimeMilliseconds();
                        await _store.ReleaseAsync(record.Reference, instanceId, next, cancellationToken).ConfigureAwait(false);
                        tally.Add(result);
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return tally.Summarize(gate.Pauses, activity);
        }

        /// <summary>
        /// Removes the end customer through Plaid's <c>/partner/customer/remove</c> (Plaid's partner API reference) and records
        /// the removal and its time in <see cref="EndCustomerRecord.RemovedAt"/>. Plaid hides a removed end customer from its
        /// Dashboard and deactivates its API keys, and removes only one not yet enabled in full Production (Plaid's reseller
        /// guide, "Deleting End Customers"); an ACTIVE one gets <c>CUSTOMER_REMOVAL_NOT_ALLOWED</c> and its Plaid account
        /// manager removes it. The record stays, with its history: <see cref="RefreshAllAsync"/> and <see cref="ReconcileAsync"/>
        /// skip it, <see cref="RefreshAsync"/> refuses it, its stuck flags are cleared, and onboarding the reference again
        /// sends nothing (<see cref="OnboardingOutcome.AlreadyRecorded"/>). A record removed already is returned as it is,
        /// without a call; one Plaid answers <c>CUSTOMER_NOT_FOUND</c> for (removed in the Dashboard, or by a call whose
        /// answer was lost) is recorded as removed, since its client_id came from Plaid's own answer.
        /// </summary>
        /// <param name="reference">The partner's reference of a created end customer.</param>
        /// <param name="cancellationToken">Cancels the call; once Plaid has answered, the removal is recorded regardless.</param>
        /// <returns>The record, with its removal time, status history and OAuth registrations.</returns>
        /// <exception cref="ArgumentException">The reference is empty, white space or too long.</exception>
        /// <exception cref="InvalidOperationException">The reference is not recorded, or has no client_id (its create did not succeed or is in doubt).</exception>
        /// <exception cref="PlaidApiException">Plaid refused the removal (e.g. <c>CUSTOMER_REMOVAL_NOT_ALLOWED</c>); nothing was recorded.</exception>
        /// <exception cref="LedgerStoreException">The store failed.</exception>
        public virtual async Task<EndCustomerRecord> RemoveAsync(string reference, CancellationToken cancellationToken = default)
        {
            ReferenceRule.Check(reference, nameof(reference));
            using var activity = LedgerTelemetry.Start("Remove");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var found = (await _store.GetAsync(reference, details: true, cancellationToken).ConfigureAwait(false))?.Record
                ?? throw new InvalidOperationException($"Reference {reference} is not in the ledger.");
            if (found.RemovedAt is not null)
            {
                return found;
            }

            var clientId = found.ClientId ?? throw new InvalidOperationException(
                $"Reference {reference} has no client_id ({found.CreateState}), so Plaid has no end customer of it to remove; settle an in-doubt create first.");
            try
            {
                await _clients().RemoveEndCustomerAsync(clientId, cancellationToken).ConfigureAwait(false);
            }
            catch (PlaidApiException gone) when (gone.ErrorCode == PlaidPartnerErrorCodes.CustomerNotFound)
            {
                // Plaid created this client_id for the ledger and no longer finds it: it has been removed.
            }

            await _store.RecordRemovedAsync(reference, clientId, Now(), CancellationToken.None).ConfigureAwait(false);
            LedgerLog.Removed(_logger, reference, clientId);
            var removed = await _store.GetAsync(reference, details: true, CancellationToken.None).ConfigureAwait(false);
            return removed!.Value.Record;
        }

        /// <summary>Releases the store's connections (a PostgreSQL pool, a SQLite file's pooled handles).</summary>
        public void Dispose()
        {
            Dispose(disposing: true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the store's connections.</summary>
        /// <returns>A completed task.</returns>
        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        /// <summary>Releases the store's connections when <paramref name="disposing"/>.</summary>
        /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsStore && _store is IDisposable store)
            {
                store.Dispose();
            }
        }

        internal static LedgerStore CreateStore(EndCustomerLedgerOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var problems = options.Problems();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(options));
            }

            return options.Store == LedgerStoreKind.Postgres
                ? new PostgresLedgerStore(options.Connection!)
                : new SqliteLedgerStore(options.Connection!, options.SqliteFlushEveryCommit);
        }

        private static Func<PlaidPartnerClient> Single(PlaidPartnerClient client)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            return () => client;
        }

        private PlaidPartnerClient ProductionClient(string path)
        {
            var client = _clients();
            var environment = client.Environment;
            return environment.IsProduction ? client : throw new PlaidProductionOnlyException(path, environment);
        }

        private async Task<OnboardingResult> OnboardCoreAsync(LedgerIntent intent, Func<CancellationToken, Task<CreateAnswer>> send, CancellationToken cancellationToken)
        {
            using var activity = LedgerTelemetry.Start("Onboard");
            cancellationToken.ThrowIfCancellationRequested();
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var claimId = Guid.NewGuid().ToString("N");
            var claim = await _store.ClaimAsync(intent, claimId, Now(), cancellationToken).ConfigureAwait(false);
            if (!claim.Claimed)
            {
                var existing = claim.Existing!;
                if (existing.CreateState == EndCustomerCreateState.Pending && existing.ClaimedAt is { } claimedAt && claimedAt.ToUnixTimeMilliseconds() < StaleBefore()
                    && await _store.MarkStaleInDoubtAsync(intent.Reference, StaleBefore(), Now(), cancellationToken).ConfigureAwait(false))
                {
                    existing = (await _store.GetAsync(intent.Reference, details: false, cancellationToken).ConfigureAwait(false))?.Record ?? existing;
                }

                LedgerLog.AlreadyRecorded(_logger, intent.Reference);
                return Finish(activity, new OnboardingResult(OnboardingOutcome.AlreadyRecorded, existing, secrets: null, failure: null));
            }

            CreateAnswer answer;
            try
            {
                answer = await send(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                var (state, error) = CreateFailure.Classify(exception);
                var result = await RecordFailureAsync(intent, claimId, state, error, exception).ConfigureAwait(false);
                Finish(activity, result);
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return result;
            }

            if (answer.ClientId is null)
            {
                // An answer without a client_id cannot be recorded as created; an operator can find it in the Dashboard.
                var error = new EndCustomerCreateError(System.Net.HttpStatusCode.OK, "MissingClientId", null, "Plaid's answer carried no end_customer.client_id.", null);
                return Finish(activity, await RecordFailureAsync(intent, claimId, EndCustomerCreateState.InDoubt, error, failure: null).ConfigureAwait(false));
            }

            EndCustomerRecord? recorded;
            try
            {
                // Plaid has created it: record that whatever the caller's token says now.
                recorded = await _store.RecordCreatedAsync(intent.Reference, claimId, answer.ClientId, answer.Status?.ToString(), answer.RequirementsDue, Now(), CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (LedgerStoreException exception)
            {
                LedgerLog.NotRecorded(_logger, intent.Reference);
                var unrecorded = Unstored(intent, EndCustomerCreateState.Pending, answer.ClientId, answer.Status, answer.RequirementsDue, lastError: null);
                return Finish(activity, new OnboardingResult(OnboardingOutcome.CreatedNotRecorded, unrecorded, answer.Secrets, exception));
            }

            LedgerLog.Created(_logger, intent.Reference, answer.ClientId);
            if (recorded is not null && answer.Status is { } createdStatus)
            {
                var created = new EndCustomerEvent(EndCustomerEventKind.StatusChanged, intent.Reference, answer.ClientId, recorded.UpdatedAt, status: createdStatus);
                await RaiseAsync(new[] { created }, CancellationToken.None).ConfigureAwait(false);
            }

            recorded ??= Unstored(intent, EndCustomerCreateState.Created, answer.ClientId, answer.Status, answer.RequirementsDue, lastError: null);
            return Finish(activity, new OnboardingResult(OnboardingOutcome.Created, recorded, answer.Secrets, failure: null));
        }

        private async Task<RefreshResult> RefreshWithBackoffAsync(string reference, OnboardingApi api, string clientId, RateLimitGate gate, CancellationToken cancellationToken)
        {
            const int attempts = 6;
            for (var attempt = 1; ; attempt++)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var changes = await ReadAndRecordAsync(reference, api, clientId, cancellationToken).ConfigureAwait(false);
                    gate.Succeeded();
                    return new RefreshResult(reference, changes, failure: null);
                }
                catch (PlaidApiException rateLimited) when (RateLimitGate.IsRateLimit(rateLimited) && attempt < attempts)
                {
                    gate.Pause(rateLimited);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return new RefreshResult(reference, 0, exception);
                }
            }
        }

        private async Task<int> ReadAndRecordAsync(string reference, OnboardingApi api, string clientId, CancellationToken cancellationToken)
        {
            var client = _clients();
            string? status;
            IReadOnlyList<PartnerEndCustomerRequirementDue>? due = null;
            if (api == OnboardingApi.Beta)
            {
                // The beta get also says what is still due.
                var beta = await client.Beta.GetEndCustomerAsync(clientId, cancellationToken).ConfigureAwait(false);
                status = beta.EndCustomer?.Status?.ToString();
                due = beta.EndCustomer?.RequirementsDue is { } list ? list.ToList() : Array.Empty<PartnerEndCustomerRequirementDue>();
            }
            else
            {
                var customer = await client.GetEndCustomerAsync(clientId, cancellationToken).ConfigureAwait(false);
                status = customer.EndCustomer?.Status?.ToString();
            }

            var oauth = await client.GetEndCustomerOAuthInstitutionsAsync(clientId, cancellationToken).ConfigureAwait(false);
            var institutions = new List<PlaidReadInstitution>();
            foreach (var institution in oauth.Institutions ?? Array.Empty<PartnerEndCustomerOAuthInstitution>())
            {
                if (institution?.InstitutionId is { } id)
                {
                    var message = institution.Errors?.FirstOrDefault(error => !string.IsNullOrEmpty(error?.ErrorMessage))?.ErrorMessage;
                    institutions.Add(new PlaidReadInstitution(id, institution.Name, institution.Environments?.Production?.ToString(), message));
                }
            }

            var events = await _store.RecordReadAsync(reference, new PlaidRead(status, institutions, due), Now(), StuckAt, cancellationToken).ConfigureAwait(false);
            await RaiseAsync(events, cancellationToken).ConfigureAwait(false);
            return events.Count(e => e.Kind != EndCustomerEventKind.RegistrationStuck);
        }

        private long StuckAt(long enabledAt) => BusinessDays.Add(RecordReader.Time(enabledAt), _stuckAfterBusinessDays).ToUnixTimeMilliseconds();

        private async Task RaiseAsync(IReadOnlyList<EndCustomerEvent> events, CancellationToken cancellationToken)
        {
            foreach (var change in events)
            {
                if (change.Kind == EndCustomerEventKind.RegistrationStuck)
                {
                    LedgerLog.Stuck(_logger, change.Reference, change.InstitutionId!, change.OAuthStatus?.ToString());
                }

                foreach (var handler in _events)
                {
                    try
                    {
                        await handler.OnChangedAsync(change, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // The change is stored; a failing handler must not undo it or keep the others from hearing of it.
                        LedgerLog.HandlerFailed(_logger, change.Kind.ToString(), change.Reference, exception);
                    }
                }
            }
        }

        private async Task<OnboardingResult> RecordFailureAsync(LedgerIntent intent, string claimId, EndCustomerCreateState state, EndCustomerCreateError error, Exception? failure)
        {
            switch (state)
            {
                case EndCustomerCreateState.Refused:
                    LedgerLog.Refused(_logger, intent.Reference, error);
                    break;
                case EndCustomerCreateState.NotSent:
                    LedgerLog.NotSent(_logger, intent.Reference, error);
                    break;
                default:
                    LedgerLog.InDoubt(_logger, intent.Reference, error);
                    break;
            }

            var outcome = state switch
            {
                EndCustomerCreateState.Refused => OnboardingOutcome.Refused,
                EndCustomerCreateState.NotSent => OnboardingOutcome.NotSent,
                _ => OnboardingOutcome.InDoubt,
            };

            EndCustomerRecord? record = null;
            try
            {
                record = await _store.RecordFailureAsync(intent.Reference, claimId, state, error, Now(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (LedgerStoreException)
            {
                // The record stays pending and counts as in doubt after the in-flight timeout: safe, if cautious for a refusal.
            }

            return new OnboardingResult(outcome, record ?? Unstored(intent, state, clientId: null, status: null, due: null, error), secrets: null, failure);
        }

        private async Task<EndCustomerRecord> SettleCoreAsync(string reference, string? clientId, CancellationToken cancellationToken)
        {
            using var activity = LedgerTelemetry.Start("Settle");
            await _store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (clientId is not null && await _store.ReferenceOfClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is { } holder && holder != reference)
            {
                throw new InvalidOperationException($"Reference {holder} already holds that client_id; check it in Plaid's Dashboard.");
            }

            if (!await _store.SettleAsync(reference, clientId, StaleBefore(), Now(), cancellationToken).ConfigureAwait(false))
            {
                var current = await _store.GetAsync(reference, details: false, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException(current is null
                    ? $"Reference {reference} is not in the ledger."
                    : $"Reference {reference} is not in doubt (its create state is {current.Value.Record.CreateState}); only an in-doubt create is settled.");
            }

            var state = clientId is null ? EndCustomerCreateState.NotCreated : EndCustomerCreateState.Created;
            LedgerLog.Settled(_logger, reference, state);
            activity?.SetTag("plaid.ledger.create_state", state.ToString());
            var settled = await _store.GetAsync(reference, details: true, cancellationToken).ConfigureAwait(false);
            return settled!.Value.Record;
        }

        private EndCustomerRecord Unstored(
            LedgerIntent intent,
            EndCustomerCreateState state,
            string? clientId,
            PartnerEndCustomerStatus? status,
            IReadOnlyList<PartnerEndCustomerRequirementDue>? due,
            EndCustomerCreateError? lastError)
        {
            var now = _time.GetUtcNow();
            return new EndCustomerRecord(
                intent.Reference,
                intent.Api,
                intent.Environment,
                intent.CompanyName,
                intent.ApplicationName,
                state,
                clientId,
                status,
                due ?? Array.Empty<PartnerEndCustomerRequirementDue>(),
                lastError,
                now,
                now,
                claimedAt: null,
                lastReadAt: null,
                Array.Empty<EndCustomerStatusChange>(),
                Array.Empty<EndCustomerOAuthRegistration>());
        }

        private static OnboardingResult Finish(System.Diagnostics.Activity? activity, OnboardingResult result)
        {
            activity?.SetTag("plaid.ledger.outcome", result.Outcome.ToString());
            activity?.SetTag("plaid.ledger.create_state", result.Record.CreateState.ToString());
            return result;
        }

        private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

        private long StaleBefore() => _time.GetUtcNow().Subtract(_inFlightTimeout).ToUnixTimeMilliseconds();

        private sealed record CreateAnswer(string? ClientId, PartnerEndCustomerStatus? Status, PartnerEndCustomerSecrets? Secrets, IReadOnlyList<PartnerEndCustomerRequirementDue>? RequirementsDue);
    }
}
