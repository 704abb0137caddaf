using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Part of the models a user would write by hand: plain classes, strings for enums, no extension data.</summary>
    public sealed class GetRequest
    {
        [JsonProperty("end_customer_client_id")]
        public string EndCustomerClientId { get; set; } = "";
    }
}
