using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
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
