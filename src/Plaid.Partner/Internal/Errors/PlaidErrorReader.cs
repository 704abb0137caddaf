using System;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads a <see cref="PlaidError"/> out of any response body without throwing, in one pass of the text: members of the
    /// wrong type are skipped, a missing member stays unset, and a body that is not a JSON object, or has neither
    /// <c>error_type</c> nor <c>error_code</c>, is not a Plaid error.
    /// </summary>
    internal static class PlaidErrorReader
    {
        private static readonly JsonSerializer TolerantSerializer = CreateTolerantSerializer();

        public static PlaidError? TryRead(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            PlaidError? error;
            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(body))
                {
                    MaxDepth = PlaidJson.MaxDepth,
                    DateParseHandling = DateParseHandling.None,
                    ArrayPool = JsonCharArrayPool.Instance,
                };
                if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                {
                    return null;
                }

                error = TolerantSerializer.Deserialize<PlaidError>(reader);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidCastException or FormatException)
            {
                return null;
            }

            return error is not null && (!string.IsNullOrEmpty(error.ErrorCode) || !string.IsNullOrEmpty(error.ErrorType.ToString())) ? error : null;
        }

        private static JsonSerializer CreateTolerantSerializer()
        {
            var settings = new JsonSerializerSettings { ContractResolver = new NothingRequiredContractResolver() };
            PlaidJson.Configure(settings);
            // A member of the wrong type (or a required one missing) loses that member, not the whole error.
            settings.Error = (_, args) => args.ErrorContext.Handled = true;
            return JsonSerializer.Create(settings);
        }
    }
}
