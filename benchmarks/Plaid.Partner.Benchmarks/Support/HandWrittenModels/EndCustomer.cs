using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
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
}
