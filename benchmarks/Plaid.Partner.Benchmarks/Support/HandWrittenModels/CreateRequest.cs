using System.Collections.Generic;
using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>The create request's fields in the order the spec (and so the generated model) writes them.</summary>
    public sealed class CreateRequest
    {
        [JsonProperty("company_name")]
        public string CompanyName { get; set; } = "";

        [JsonProperty("is_diligence_attested")]
        public bool IsDiligenceAttested { get; set; }

        [JsonProperty("products")]
        public IList<string>? Products { get; set; }

        [JsonProperty("legal_entity_name")]
        public string LegalEntityName { get; set; } = "";

        [JsonProperty("website")]
        public string Website { get; set; } = "";

        [JsonProperty("application_name")]
        public string ApplicationName { get; set; } = "";

        [JsonProperty("technical_contact")]
        public Contact? TechnicalContact { get; set; }

        [JsonProperty("billing_contact")]
        public Contact? BillingContact { get; set; }

        [JsonProperty("customer_support_info")]
        public SupportInfo? CustomerSupportInfo { get; set; }

        [JsonProperty("address")]
        public Address Address { get; set; } = new();

        [JsonProperty("is_bank_addendum_completed")]
        public bool IsBankAddendumCompleted { get; set; }
    }
}
