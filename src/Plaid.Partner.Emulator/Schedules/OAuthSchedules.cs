using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Schedules
{
    /// <summary>
    /// The OAuth registration schedules a test set (per institution, or per institution of one end customer), and the
    /// steps waiting on the emulator's clock for customers already enabled. Each step that comes due changes the status
    /// in the store and sends the webhook, like the oauth_status control.
    /// </summary>
    internal sealed class OAuthSchedules
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, EmulatorOAuthSchedule> _byInstitution = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Customer, string Institution), EmulatorOAuthSchedule> _byCustomer = new();
        private readonly List<PendingStep> _pending = new();
        private readonly CustomerStore _customers;
        private readonly WebhookDispatcher _webhooks;
        private readonly TimeProvider _clock;

        public OAuthSchedules(CustomerStore customers, WebhookDispatcher webhooks, TimeProvider clock)
        {
            _customers = customers;
            _webhooks = webhooks;
            _clock = clock;
        }

        /// <summary>
        /// Sets the schedule of <paramref name="institutionId"/> for every customer enabled from now on, or, with
        /// <paramref name="customerId"/>, for that customer only: if it is already ACTIVE its steps count from now and
        /// replace any still waiting for that institution.
        /// </summary>
        public ControlOutcome<bool> Set(string institutionId, EmulatorOAuthSchedule schedule, string? customerId)
        {
            if (!OAuthInstitutionCatalog.Institutions.Any(i => i.Id == institutionId))
            {
                return new Refusal(RefusalKind.NotFound, $"No OAuth institution '{institutionId}'; known: {string.Join(", ", OAuthInstitutionCatalog.Institutions.Select(i => i.Id))}.");
            }

            if (customerId is null)
            {
                lock (_gate)
                {
                    _byInstitution[institutionId] = schedule;
                }

                return true;
            }

            var customer = _customers.Get(customerId);
            if (customer.Error is not null)
            {
                return new Refusal(RefusalKind.NotFound, $"No end customer '{customerId}' (never created, or removed).");
            }

            lock (_gate)
            {
                _byCustomer[(customerId, institutionId)] = schedule;
                if (customer.Value!.Status == CustomerStatus.Active)
                {
                    StartLocked(customerId, institutionId, schedule);
                }
            }

            return true;
        }

        /// <summary>An end customer was enabled: the schedules of its institutions start now.</summary>
        public void Started(string customerId, IEnumerable<string> institutionIds)
        {
            lock (_gate)
            {
                foreach (var institutionId in institutionIds)
                {
                    if (Lookup(customerId, institutionId) is { } schedule)
                    {
                        StartLocked(customerId, institutionId, schedule);
                    }
                }
            }
        }

        /// <summary>The schedules set, and the steps still waiting, earliest first.</summary>
        public (IReadOnlyList<(string? Customer, string Institution, EmulatorOAuthSchedule Schedule)> Set, IReadOnlyList<PendingStep> Pending) Snapshot()
        {
            lock (_gate)
            {
                var set = _byInstitution.Select(p => ((string?)null, p.Key, p.Value))
                    .Concat(_byCustomer.Select(p => ((string?)p.Key.Customer, p.Key.Institution, p.Value)))
                    .ToList();
                return (set, _pending.OrderBy(p => p.DueAt).ToList());
            }
        }

        /// <summary>Forgets every schedule and waiting step (the emulator's reset).</summary>
        public void Reset()
        {
            lock (_gate)
            {
                foreach (var step in _pending)
                {
                    step.Timer?.Dispose();
                }

                _pending.Clear();
                _byInstitution.Clear();
                _byCustomer.Clear();
            }
        }

        private EmulatorOAuthSchedule? Lookup(string customerId, string institutionId) =>
            _byCustomer.TryGetValue((customerId, institutionId), out var own) ? own
            : _byInstitution.TryGetValue(institutionId, out var shared) ? shared
            : null;

        private void StartLocked(string customerId, string institutionId, EmulatorOAuthSchedule schedule)
        {
            foreach (var old in _pending.Where(p => p.Customer == customerId && p.Institution == institutionId).ToList())
            {
                old.Timer?.Dispose();
                _pending.Remove(old);
            }

            var now = _clock.GetUtcNow();
            foreach (var step in schedule.Steps)
            {
                var pending = new PendingStep(customerId, institutionId, step, now + step.After);
                _pending.Add(pending);
                pending.Timer = _clock.CreateTimer(_ => Fire(pending), null, step.After, Timeout.InfiniteTimeSpan);
            }
        }

        private void Fire(PendingStep pending)
        {
            lock (_gate)
            {
                if (!_pending.Remove(pending))
                {
                    return;
                }

                pending.Timer?.Dispose();
            }

            var status = OAuthStatus.Parse(pending.Step.Status.ToString());
            var outcome = _customers.SetOAuthStatus(pending.Customer, pending.Institution, status, pending.Step.ErrorMessage);
            if (outcome.Value is { } change)
            {
                // Queued at once (ordered with every other webhook); the clock's settle waits for the attempt.
                _ = _webhooks.SendAsync(change);
            }
        }

        /// <summary>A step waiting on the clock.</summary>
        internal sealed record PendingStep(string Customer, string Institution, EmulatorOAuthStep Step, DateTimeOffset DueAt)
        {
            public ITimer? Timer { get; set; }
        }
    }
}
