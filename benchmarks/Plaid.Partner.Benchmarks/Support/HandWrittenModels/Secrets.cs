using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
    public sealed class Secrets
    {
        [JsonProperty("sandbox")]
        public string? Sandbox { get; set; }

        [JsonProperty("production")]
        public string? Production { get; set; }
    }
}
