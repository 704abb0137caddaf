using Newtonsoft.Json;

namespace Plaid.Partner.Benchmarks.Support.HandWrittenModels
{
    /// <summary>Plaid's error body as a user would model it by hand: the documented members, strings throughout.</summary>
    public sealed class ErrorBody
    {
        [JsonProperty("error_type")]
        public string? ErrorType { get; set; }

        [JsonProperty("error_code")]
        public string? ErrorCode { get; set; }

        [JsonProperty("error_message")]
        public string? ErrorMessage { get; set; }

        [JsonProperty("display_message")]
        public string? DisplayMessage { get; set; }

        [JsonProperty("request_id")]
        public string? RequestId { get; set; }
    }
}
