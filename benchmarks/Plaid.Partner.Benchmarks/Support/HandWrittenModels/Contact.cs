using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
    public sealed class Contact
    {
        [JsonProperty("given_name")]
        public string? GivenName { get; set; }

        [JsonProperty("family_name")]
        public string? FamilyName { get; set; }

        [JsonProperty("email")]
        public string? Email { get; set; }
    }
}
