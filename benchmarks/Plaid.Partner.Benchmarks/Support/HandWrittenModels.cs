using System.Collections.Generic;
using Newtonsoft.Json;

// The models a user would write by hand for the two calls: plain classes, strings for enums, no extension data.
namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    public sealed class GetRequest
    {
        [JsonProperty("end_customer_client_id")]
        public string EndCustomerClientId { get; set; } = "";
    }

    public sealed class EndCustomerResponse
    {
        [JsonProperty("end_customer")]
        public EndCustomer? EndCustomer { get; set; }

        [JsonProperty("request_id")]
        public string? RequestId { get; set; }
    }

    public sealed class EndCustomer
    {
        [JsonProperty("client_id")]
        public string? ClientId { get; set; }

        [JsonProperty("company_name")]
        public string? CompanyName { get; set; }

        [JsonProperty("status")]
        public string? Status { get; set; }

        [JsonProperty("secrets")]
        public Secrets? Secrets { get; set; }
    }

    public sealed class Secrets
    {
        [JsonProperty("sandbox")]
        public string? Sandbox { get; set; }

        [JsonProperty("production")]
        public string? Production { get; set; }
    }

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

    public sealed class Contact
    {
        [JsonProperty("given_name")]
        public string? GivenName { get; set; }

        [JsonProperty("family_name")]
        public string? FamilyName { get; set; }

        [JsonProperty("email")]
        public string? Email { get; set; }
    }

    public sealed class SupportInfo
    {
        [JsonProperty("email")]
        public string? Email { get; set; }

        [JsonProperty("phone_number")]
        public string? PhoneNumber { get; set; }

        [JsonProperty("contact_url")]
        public string? ContactUrl { get; set; }

        [JsonProperty("link_update_url")]
        public string? LinkUpdateUrl { get; set; }
    }

    public sealed class Address
    {
        [JsonProperty("city")]
        public string? City { get; set; }

        [JsonProperty("street")]
        public string? Street { get; set; }

        [JsonProperty("region")]
        public string? Region { get; set; }

        [JsonProperty("postal_code")]
        public string? PostalCode { get; set; }

        [JsonProperty("country_code")]
        public string? CountryCode { get; set; }
    }
}
