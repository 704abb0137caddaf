using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>The control endpoints' JSON: snake_case members like Plaid's, enums as snake_case strings.</summary>
    internal static class ControlJson
    {
        public static readonly JsonSerializerSettings Settings = new()
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
            Converters = { new StringEnumConverter(new SnakeCaseNamingStrategy()) },
            DateParseHandling = DateParseHandling.None,
            MissingMemberHandling = MissingMemberHandling.Error,
        };

        public static string Serialize(object? value) => JsonConvert.SerializeObject(value, Settings);

        public static T Deserialize<T>(string json)
        {
            try
            {
                return JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new ControlException(400, $"The body must be a JSON object ({typeof(T).Name}).");
            }
            catch (JsonException e)
            {
                throw new ControlException(400, $"The body is not a valid {typeof(T).Name}: {e.Message}");
            }
        }

        /// <summary>
        /// Reads the body as <typeparamref name="T"/>. A body of any type but JSON is refused with 415 here too, not
        /// only by <see cref="ControlRequestGuard"/>: a text/plain or form body is what a web page can send unasked.
        /// </summary>
        public static async Task<T> ReadAsync<T>(HttpRequest request)
        {
            if (!IsJsonContentType(request.ContentType))
            {
                throw new ControlException(
                    StatusCodes.Status415UnsupportedMediaType,
                    $"The body must be sent with Content-Type: application/json (it was '{request.ContentType ?? "none"}').");
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return Deserialize<T>(await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));
        }

        /// <summary><c>application/json</c>, with no charset or UTF-8.</summary>
        public static bool IsJsonContentType(string? contentType) =>
            MediaTypeHeaderValue.TryParse(contentType, out var type)
            && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
