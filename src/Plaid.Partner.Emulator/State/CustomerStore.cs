using System;
using System.Collections.Generic;
using System.Linq;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// The Production emulator's end customers. Every read and every status move happens under one lock, so a
    /// customer is created once, moves only along <see cref="CustomerStatus.IsLegal"/>, and two racing calls (enable
    /// and remove, say) see each other's effect. Removed customers stay as tombstones that Plaid calls cannot see.
    /// </summary>
    internal sealed partial class CustomerStore
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, CustomerRecord> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _liveIdByApplicationName = new(StringComparer.OrdinalIgnoreCase);
        private readonly string _newCustomerStatus;
        private readonly TimeProvider _time;

        public CustomerStore(string newCustomerStatus, TimeProvider time)
        {
            CustomerStatus.RequireReviewOutcome(newCustomerStatus, "The status of a new end customer");
            _newCustomerStatus = newCustomerStatus;
            _time = time;
        }

        /// <summary>
        /// Creates a customer; the application name must be unique among customers not removed (Plaid API docs,
        /// Partner › /partner/customer/create: application names are unique), otherwise CUSTOMER_ALREADY_CREATED.
        /// </summary>
        public Outcome<CustomerView> Create(string companyName, string applicationName)
        {
            lock (_gate)
            {
                if (_liveIdByApplicationName.ContainsKey(applicationName))
                {
                    return PlaidErrors.CustomerAlreadyCreated;
                }

                var record = new CustomerRecord(NewId(), companyName, applicationName, RandomIds.Secret(), RandomIds.Secret());
                if (_newCustomerStatus != CustomerStatus.UnderReview)
                {
                    record.History.Add(_newCustomerStatus);
                }

                Add(record);
                return record.ToView();
            }
        }

        public Outcome<CustomerView> Get(string id)
        {
            lock (_gate)
            {
                return Live(id) is { } record ? record.ToView() : PlaidErrors.CustomerNotFound;
            }
        }

        /// <summary>
        /// PENDING_ENABLEMENT becomes ACTIVE, and Plaid starts registering the customer with every OAuth institution
        /// not yet started (Plaid docs, Account › Resellers): those move to PROCESSING and are returned.
        /// </summary>
        public Outcome<(CustomerView Customer, IReadOnlyList<OAuthStatusChange> Changes)> Enable(string id)
        {
            lock (_gate)
            {
                if (Live(id) is not { } record)
                {
                    return PlaidErrors.CustomerNotFound;
                }

                switch (record.Status)
                {
                    case CustomerStatus.Active:
                        return PlaidErrors.CustomerAlreadyEnabled;
                    case CustomerStatus.PendingEnablement:
                        break;
                    default:
                        return PlaidErrors.CustomerNotReadyForEnablement;
                }

                // A beta customer enabled here gets every product it asked for.
                record.Onboarding?.Enable(record.Onboarding.Products);
                return (record.ToView(), Activate(record));
            }
        }

        /// <summary>Removes a customer not yet ACTIVE; an ACTIVE one gives CUSTOMER_REMOVAL_NOT_ALLOWED.</summary>
        public Outcome<CustomerView> Remove(string id)
        {
            lock (_gate)
            {
                if (Live(id) is not { } record)
                {
                    return PlaidErrors.CustomerNotFound;
                }

                if (record.Status == CustomerStatus.Active)
                {
                    return PlaidErrors.CustomerRemovalNotAllowed;
                }

                Move(record, CustomerStatus.Removed);
                _liveIdByApplicationName.Remove(record.ApplicationName);
                return record.ToView();
            }
        }

        /// <summary>Control: Plaid's review finishes, UNDER_REVIEW becomes PENDING_ENABLEMENT or DENIED.</summary>
        public ControlOutcome<CustomerView> SetStatus(string id, string status)
        {
            lock (_gate)
            {
                if (Live(id) is not { } record)
                {
                    return NoCustomer(id);
                }

                if (record.Status == status)
                {
                    return record.ToView();
                }

                if (record.Status != CustomerStatus.UnderReview || !CustomerStatus.IsLegal(record.Status, status) || status == CustomerStatus.Active || status == CustomerStatus.Removed)
                {
                    return new Refusal(
                        RefusalKind.Conflict,
                        $"End customer '{id}' is {record.Status}; the control can move it only from UNDER_REVIEW to PENDING_ENABLEMENT or DENIED "
                        + "(ACTIVE comes from /partner/customer/enable, removal from /partner/customer/remove).");
                }

                Move(record, status);
                return record.ToView();
            }
        }

        /// <summary>Control: an institution's OAuth registration status changes; returns the change, or null if it was already so.</summary>
        public ControlOutcome<OAuthStatusChange?> SetOAuthStatus(string id, string institutionId, string status, string? errorMessage)
        {
            lock (_gate)
            {
                if (Live(id) is not { } record)
                {
                    return NoCustomer(id);
                }

                if (record.Institutions.FirstOrDefault(i => i.InstitutionId == institutionId) is not { } institution)
                {
                    return new Refusal(
                        RefusalKind.NotFound,
                        $"End customer '{id}' has no OAuth institution '{institutionId}'; known: {string.Join(", ", record.Institutions.Select(i => i.InstitutionId))}.");
                }

                if (institution.Status == status)
                {
                    return new ControlOutcome<OAuthStatusChange?>(null, null);
                }

                institution.Status = status;
                if (status is OAuthStatus.Approved or OAuthStatus.Enabled)
                {
                    institution.ProductionEnablementDate ??= _time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                }

                institution.ErrorMessage = status == OAuthStatus.AttentionRequired ? errorMessage ?? OAuthInstitutionCatalog.DefaultAttentionMessage : null;
                return new OAuthStatusChange(record.ClientId, institution.InstitutionId, institution.Name, status);
            }
        }

        /// <summary>Replaces every customer with <paramref name="records"/> (a seed, or none): the emulator's reset.</summary>
        public void Load(IEnumerable<CustomerRecord> records)
        {
            lock (_gate)
            {
                _byId.Clear();
                _liveIdByApplicationName.Clear();
                foreach (var record in records)
                {
                    Add(record);
                }
            }
        }

        /// <summary>Every customer ever created, removed ones included, in creation order.</summary>
        public IReadOnlyList<CustomerView> Snapshot()
        {
            lock (_gate)
            {
                return _byId.Values.Select(r => r.ToView()).ToList();
            }
        }

        /// <summary>
        /// PENDING_ENABLEMENT becomes ACTIVE, and Plaid starts registering the customer with every OAuth institution not
        /// yet started (Plaid docs, Account › Resellers): those move to PROCESSING and are returned.
        /// </summary>
        private static List<OAuthStatusChange> Activate(CustomerRecord record)
        {
            Move(record, CustomerStatus.Active);
            var changes = new List<OAuthStatusChange>();
            foreach (var institution in record.Institutions.Where(i => i.Status == OAuthStatus.NotStarted))
            {
                institution.Status = OAuthStatus.Processing;
                changes.Add(new OAuthStatusChange(record.ClientId, institution.InstitutionId, institution.Name, institution.Status));
            }

            return changes;
        }

        private string NewId()
        {
            string id;
            do
            {
                id = RandomIds.ClientId();
            }
            while (_byId.ContainsKey(id));

            return id;
        }

        private void Add(CustomerRecord record)
        {
            _byId.Add(record.ClientId, record);
            _liveIdByApplicationName.Add(record.ApplicationName, record.ClientId);
        }

        private static void Move(CustomerRecord record, string status)
        {
            if (!CustomerStatus.IsLegal(record.Status, status))
            {
                throw new InvalidOperationException($"Emulator bug: {record.Status} -> {status} is not a legal move.");
            }

            record.History.Add(status);
        }

        private static Refusal NoCustomer(string id) => new(RefusalKind.NotFound, $"No end customer '{id}' (never created, or removed).");

        private CustomerRecord? Live(string id) =>
            _byId.TryGetValue(id, out var record) && !record.Removed ? record : null;
    }
}
