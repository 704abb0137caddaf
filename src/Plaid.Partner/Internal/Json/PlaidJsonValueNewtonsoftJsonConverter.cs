using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Internal
{
    /// <summary>Reads any JSON value into a <see cref="PlaidJsonValue"/> and writes it back as the same value (Newtonsoft.Json).</summary>
    internal sealed class PlaidJsonValueNewtonsoftJsonConverter : JsonConverter<PlaidJsonValue>
    {
        public override PlaidJsonValue ReadJson(JsonReader reader, Type objectType, PlaidJsonValue? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            Read(reader);

        public override void WriteJson(JsonWriter writer, PlaidJsonValue? value, JsonSerializer serializer) => Write(writer, value);

        /// <summary>The value at the reader's current token (the whole of it, for an object or array).</summary>
        public static PlaidJsonValue Read(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                case JsonToken.Undefined:
                    return PlaidJsonValue.Null;
                case JsonToken.String:
                    return PlaidJsonValue.FromString((string)reader.Value!);
                default:
                    // Numbers, booleans, objects and arrays (and a date, if the caller's settings parse them) go through their
                    // compact text, so both serializers make the same PlaidJsonValue of the same JSON.
                    try
                    {
                        return FromToken(JToken.ReadFrom(reader));
                    }
                    catch (ArgumentException e)
                    {
                        throw new JsonSerializationException($"The value at path '{reader.Path}' is not JSON that can be kept: {e.Message}", e);
                    }
            }
        }

        public static PlaidJsonValue FromToken(JToken token) => token.Type switch
        {
            JTokenType.Null or JTokenType.Undefined => PlaidJsonValue.Null,
            JTokenType.String => PlaidJsonValue.FromString((string)token!),
            _ => PlaidJsonValue.Parse(CompactText(token)),
        };

        /// <summary>
        /// The token's JSON text. NaN and infinities, which Newtonsoft.Json reads leniently, are written bare so that
        /// <see cref="PlaidJsonValue.Parse"/> refuses them, rather than quoted as the strings they never were.
        /// </summary>
        private static string CompactText(JToken token)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, FloatFormatHandling = FloatFormatHandling.Symbol })
            {
                token.WriteTo(writer);
            }

            return text.ToString();
        }

        /// <summary>The value as a JToken; a string that looks like a date stays a string.</summary>
        public static JToken ToToken(PlaidJsonValue value)
        {
            using var reader = new JsonTextReader(new StringReader(value.JsonText)) { DateParseHandling = DateParseHandling.None, MaxDepth = PlaidJson.MaxDepth };
            return JToken.ReadFrom(reader);
        }

        public static void Write(JsonWriter writer, PlaidJsonValue? value)
        {
            if (value is null)
            {
                writer.WriteNull();
                return;
            }

            writer.WriteRawValue(value.JsonText);
        }
    }
}
