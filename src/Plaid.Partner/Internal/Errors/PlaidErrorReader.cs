using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads a <see cref="PlaidError"/> out of any response body without throwing: members of the wrong type are
    /// skipped, and a body that is not a JSON object, or has neither <c>error_type</c> nor <c>error_code</c>, is not a
    /// Plaid error.
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

            JToken token;
            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(body)) { MaxDepth = PlaidJson.MaxDepth, DateParseHandling = DateParseHandling.None };
                token = JToken.ReadFrom(reader);
            }
            catch (JsonException)
            {
                return null;
            }

            if (token is not JObject error || !(IsNonEmptyString(error["error_code"]) || IsNonEmptyString(error["error_type"])))
            {
                return null;
            }

            try
            {
                return error.ToObject<PlaidError>(TolerantSerializer);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidCastException or FormatException)
            {
                return null;
            }
        }

        private static bool IsNonEmptyString(JToken? token) =>
            token is { Type: JTokenType.String } && !string.IsNullOrEmpty((string?)token);

        private static JsonSerializer CreateTolerantSerializer()
        {
            var settings = new JsonSerializerSettings();
            PlaidJson.Configure(settings);
            // A member of the wrong type (or a required one missing) loses that member, not the whole error.
            settings.Error = (_, args) => args.ErrorContext.Handled = true;
            return JsonSerializer.Create(settings);
        }
    }
}
