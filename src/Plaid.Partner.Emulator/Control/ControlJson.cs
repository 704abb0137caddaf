using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
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

        public static async Task<T> ReadAsync<T>(HttpRequest request)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return Deserialize<T>(await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));
        }
    }
}
