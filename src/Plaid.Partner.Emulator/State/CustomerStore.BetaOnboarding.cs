using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// The beta onboarding operations of the store (/beta/partner/customer/v1/create, get, update, enable), under the
    /// same lock as the rest. A beta customer's status follows its requirements: MORE_INFORMATION_NEEDED while any is
    /// due, PENDING_ENABLEMENT when none is, ACTIVE once enabled. The beta reads and changes see only customers the
    /// beta create made (GA-created ones have no onboarding to report): anything else is CUSTOMER_NOT_FOUND.
    /// </summary>
    internal sealed partial class CustomerStore
    {
        /// <summary>Creates a beta customer from <paramref name="details"/>; the application name rule is GA create's.</summary>
        public Outcome<CustomerView> CreateBeta(string companyName, string applicationName, JObject details, IReadOnlyList<string> products, RequirementAssessor assess)
        {
            lock (_gate)
            {
                if (_liveIdByApplicationName.ContainsKey(applicationName))
                {
                    return PlaidErrors.CustomerAlreadyCreated;
                }

                var onboarding = new BetaOnboarding(details, products);
                onboarding.Assess(assess);
                var firstStatus = onboarding.RequirementsDue.Count > 0 ? CustomerStatus.MoreInformationNeeded : CustomerStatus.PendingEnablement;
                var record = new CustomerRecord(NewId(), companyName, applicationName, RandomIds.Secret(), RandomIds.Secret(), firstStatus) { Onboarding = onboarding };
                Add(record);
                return record.ToView();
            }
        }

        public Outcome<CustomerView> GetBeta(string id)
        {
            lock (_gate)
            {
                return LiveBeta(id) is { } record ? record.ToView() : PlaidErrors.CustomerNotFound;
            }
        }

        /// <summary>Merges <paramref name="changes"/> into the details, works out what is due again, and moves the status to match.</summary>
        public Outcome<CustomerView> UpdateBeta(string id, JObject changes, RequirementAssessor assess)
        {
            lock (_gate)
            {
                if (LiveBeta(id) is not { } record)
                {
                    return PlaidErrors.CustomerNotFound;
                }

                var onboarding = record.Onboarding!;
                onboarding.Merge(changes);
                onboarding.Assess(assess);

                // Once ACTIVE a customer stays so; before that, withdrawing a detail makes it due again.
                var status = onboarding.RequirementsDue.Count > 0 ? CustomerStatus.MoreInformationNeeded : CustomerStatus.PendingEnablement;
                if (record.Status != CustomerStatus.Active && record.Status != status)
                {
                    Move(record, status);
                }

                return record.ToView();
            }
        }

        /// <summary>
        /// Enables <paramref name="products"/> (null or empty: every product the customer asked for). Refused while
        /// anything is due (CUSTOMER_NOT_READY_FOR_ENABLEMENT), for a product the customer did not ask for (INVALID_FIELD),
        /// and when every product named is already enabled (CUSTOMER_ALREADY_ENABLED). The first enablement makes the
        /// customer ACTIVE and starts its OAuth registrations, as GA enable does.
        /// </summary>
        public Outcome<(CustomerView Customer, IReadOnlyList<OAuthStatusChange> Changes)> EnableBeta(string id, IReadOnlyList<string>? products)
        {
            lock (_gate)
            {
                if (LiveBeta(id) is not { } record)
                {
                    return PlaidErrors.CustomerNotFound;
                }

                var onboarding = record.Onboarding!;
                if (onboarding.RequirementsDue.Count > 0)
                {
                    return PlaidErrors.CustomerNotReadyForEnablement;
                }

                var wanted = products is { Count: > 0 } ? products : onboarding.Products;
                var unknown = wanted.Select((product, index) => (product, index)).Where(p => !onboarding.Products.Contains(p.product, StringComparer.Ordinal)).ToList();
                if (unknown.Count > 0)
                {
                    return PlaidErrors.InvalidField(string.Join("; ", unknown.Select(p => $"products[{p.index}] is not one of the products this end customer was created for")));
                }

                if (wanted.All(onboarding.IsEnabled))
                {
                    return PlaidErrors.CustomerAlreadyEnabled;
                }

                onboarding.Enable(wanted);
                IReadOnlyList<OAuthStatusChange> changes = record.Status == CustomerStatus.Active ? Array.Empty<OAuthStatusChange>() : Activate(record);
                return (record.ToView(), changes);
            }
        }

        private CustomerRecord? LiveBeta(string id) => Live(id) is { Onboarding: not null } record ? record : null;
    }
}
