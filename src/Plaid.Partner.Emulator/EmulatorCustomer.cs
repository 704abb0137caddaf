using System.Collections.Generic;

namespace Plaid.Partner.Emulator
{
    /// <summary>A copy of one end customer as the emulator holds it, removed ones included (no secrets).</summary>
    public sealed class EmulatorCustomer
    {
        /// <summary>The end customer's <c>client_id</c>.</summary>
        public string ClientId { get; init; } = string.Empty;

        /// <summary>The <c>company_name</c> it was created with.</summary>
        public string CompanyName { get; init; } = string.Empty;

        /// <summary>The <c>application_name</c> it was created with; unique among customers not removed.</summary>
        public string ApplicationName { get; init; } = string.Empty;

        /// <summary>Its status; for a removed customer, the status it had when removed.</summary>
        public PartnerEndCustomerStatus Status { get; init; }

        /// <summary>True once <c>/partner/customer/remove</c> took it away.</summary>
        public bool Removed { get; init; }

        /// <summary>
        /// Every status it has had, in order, from its first (UNDER_REVIEW, or for a beta customer MORE_INFORMATION_NEEDED or
        /// PENDING_ENABLEMENT); <c>REMOVED</c> last if it was removed.
        /// </summary>
        public IReadOnlyList<string> StatusHistory { get; init; } = new List<string>();

        /// <summary>Its OAuth registration status per institution id, e.g. <c>ins_56</c> → <c>PROCESSING</c>.</summary>
        [Newtonsoft.Json.JsonProperty("oauth_statuses")]
        public IReadOnlyDictionary<string, string> OAuthStatuses { get; init; } = new Dictionary<string, string>();

        /// <summary>
        /// For a customer created through the beta create, the <c>requirements_due</c> entries still missing (empty once
        /// nothing is due); null for a customer created through the GA create.
        /// </summary>
        public IReadOnlyList<string>? RequirementsDue { get; init; }

        /// <summary>For a beta customer, each product's status, e.g. <c>auth</c> → <c>PENDING_ENABLEMENT</c>; null otherwise.</summary>
        public IReadOnlyDictionary<string, string>? ProductStatuses { get; init; }

        /// <summary>The id, status and whether it was removed.</summary>
        public override string ToString() => $"EmulatorCustomer {{ ClientId = {ClientId}, Status = {Status}, Removed = {Removed} }}";
    }
}
