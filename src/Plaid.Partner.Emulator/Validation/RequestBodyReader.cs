using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.Validation
{
    /// <summary>
    /// Reads a request body as Plaid does: JSON text, UTF-8, one JSON object. A body that is not gives
    /// INVALID_BODY (Plaid API docs, Errors › Invalid request errors).
    /// </summary>
    internal static class RequestBodyReader
    {
        private const int MaxDepth = 64;

        private static readonly JsonLoadSettings LoadSettings = new()
        {
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            CommentHandling = CommentHandling.Ignore,
            LineInfoHandling = LineInfoHandling.Ignore,
        };

        /// <summary>Parses <paramref name="text"/>; returns the object or the error to answer with.</summary>
        public static (JObject? Body, PlaidErrorSpec? Error) Read(string? contentType, string text)
        {
            if (string.IsNullOrWhiteSpace(contentType))
            {
                return (null, PlaidErrors.InvalidHeaders("the Content-Type header is missing: send application/json"));
            }

            var mediaType = contentType.Split(';')[0].Trim();
            if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return (null, PlaidErrors.InvalidBody);
            }

            JToken token;
            try
            {
                using var reader = new JsonTextReader(new StringReader(text))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Decimal,
                    MaxDepth = MaxDepth,
                };
                token = JToken.ReadFrom(reader, LoadSettings);
                if (reader.Read())
                {
                    return (null, PlaidErrors.InvalidBody);
                }
            }
            catch (JsonException)
            {
                return (null, PlaidErrors.InvalidBody);
            }

            if (token is not JObject body)
            {
                return (null, PlaidErrors.InvalidBodyBecause("body must be a JSON object"));
            }

            RemoveNulls(body);
            return (body, null);
        }

        /// <summary>
        /// Plaid treats a null member like an absent one (Plaid API docs, Partner › /partner/customer/create: an empty or null <c>products</c> means the default), so nulls
        /// are dropped before the contract is checked: a null required field is then reported missing.
        /// </summary>
        private static void RemoveNulls(JToken token)
        {
            foreach (var property in token.Children<JProperty>().ToList())
            {
                if (property.Value.Type == JTokenType.Null)
                {
                    property.Remove();
                }
                else
                {
                    RemoveNulls(property.Value);
                }
            }

            if (token is JArray array)
            {
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }
            }
        }
    }
}
