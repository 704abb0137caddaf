using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plaid.Partner.Internal
{
    /// <summary>Reads any JSON value into a <see cref="PlaidJsonValue"/> and writes it back as the same value (System.Text.Json).</summary>
    internal sealed class PlaidJsonValueSystemTextJsonConverter : JsonConverter<PlaidJsonValue>
    {
        // A JSON null is PlaidJsonValue.Null, as with Newtonsoft.Json, not a C# null.
        public override bool HandleNull => true;

        public override PlaidJsonValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

        public override void Write(Utf8JsonWriter writer, PlaidJsonValue? value, JsonSerializerOptions options) => WriteValue(writer, value);

        /// <summary>The value at the reader's current token (the whole of it, for an object or array).</summary>
        public static PlaidJsonValue ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return PlaidJsonValue.Null;
                case JsonTokenType.String:
                    return PlaidJsonValue.FromString(reader.GetString()!);
                default:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        return PlaidJsonValue.From(document.RootElement);
                    }
            }
        }

        public static void WriteValue(Utf8JsonWriter writer, PlaidJsonValue? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            // Made by PlaidJsonValue from parsed JSON, so it is one valid value.
            writer.WriteRawValue(value.JsonText, skipInputValidation: true);
        }
    }
}
