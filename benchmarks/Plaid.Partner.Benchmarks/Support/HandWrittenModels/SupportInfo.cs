using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
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
}
