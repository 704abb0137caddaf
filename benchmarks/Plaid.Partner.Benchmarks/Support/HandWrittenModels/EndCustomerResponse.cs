using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
    public sealed class EndCustomerResponse
    {
        [JsonProperty("end_customer")]
        public EndCustomer? EndCustomer { get; set; }

        [JsonProperty("request_id")]
        public string? RequestId { get; set; }
    }
}
