using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// A JSON value the contract leaves open (an unknown member of an answer, an item of <c>causes</c>, a product
    /// status that is not a string), kept as compact JSON text so that it never fails an answer and reads the same
    /// whichever JSON library the application uses: <see cref="JsonText"/> to log or parse it, <see cref="Kind"/> and
    /// <see cref="TryGetString"/> for the common checks. Written back, through Newtonsoft.Json or System.Text.Json, as
    /// the same JSON value.
    /// </summary>
    [Newtonsoft.Json.JsonConverter(typeof(PlaidJsonValueNewtonsoftJsonConverter))]
    [System.Text.Json.Serialization.JsonConverter(typeof(PlaidJsonValueSystemTextJsonConverter))]
    public sealed class PlaidJsonValue : IEquatable<PlaidJsonValue>
    {
        // Compact text; non-ASCII letters stay as they are, as Plaid sends them.
        private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly string? _string;

        // A string's JSON text is made when first asked for: a product status is read far more often than written.
        private string? _jsonText;

        private PlaidJsonValue(string? jsonText, PlaidJsonValueKind kind, string? stringValue)
        {
            _jsonText = jsonText;
            Kind = kind;
            _string = stringValue;
        }

        /// <summary>The JSON <c>null</c>.</summary>
        public static PlaidJsonValue Null { get; } = new("null", PlaidJsonValueKind.Null, null);

        /// <summary>The value as compact JSON text, e.g. <c>{"reason":"pending"}</c>, <c>42</c> or <c>"ACTIVE"</c> (with its quotes).</summary>
        public string JsonText => _jsonText ??= Newtonsoft.Json.JsonConvert.ToString(_string);

        /// <summary>What kind of JSON value this is.</summary>
        public PlaidJsonValueKind Kind { get; }

        /// <summary>A JSON string holding <paramref name="value"/>.</summary>
        /// <param name="value">The string (not JSON text).</param>
        /// <returns>The value.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        public static PlaidJsonValue FromString(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return new PlaidJsonValue(null, PlaidJsonValueKind.String, value);
        }

        /// <summary>Reads one JSON value from its text.</summary>
        /// <param name="jsonText">JSON text holding exactly one value, e.g. <c>true</c> or <c>{"a":1}</c>.</param>
        /// <returns>The value, its text made compact.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="jsonText"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="jsonText"/> is not one JSON value; the message says where it is not.</exception>
        public static PlaidJsonValue Parse(string jsonText)
        {
            if (jsonText is null)
            {
                throw new ArgumentNullException(nameof(jsonText));
            }

            try
            {
                using var document = JsonDocument.Parse(jsonText, new JsonDocumentOptions { MaxDepth = PlaidJson.MaxDepth });
                return From(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"Not one JSON value: {e.Message}", nameof(jsonText), e);
            }
        }

        /// <summary>The string, when this is a JSON string.</summary>
        /// <param name="value">The string without its quotes and escapes; null when this is not a string.</param>
        /// <returns>True when this is a JSON string.</returns>
        public bool TryGetString([NotNullWhen(true)] out string? value)
        {
            value = _string;
            return value is not null;
        }

        /// <summary>The value as compact JSON text (<see cref="JsonText"/>).</summary>
        /// <returns>The JSON text.</returns>
        public override string ToString() => JsonText;

        /// <inheritdoc/>
        public bool Equals(PlaidJsonValue? other) =>
            other is not null && Kind == other.Kind && (_string is not null
                ? string.Equals(_string, other._string, StringComparison.Ordinal)
                : string.Equals(JsonText, other.JsonText, StringComparison.Ordinal));

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as PlaidJsonValue);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_string ?? JsonText);

        /// <summary>A value read by System.Text.Json (a whole document's root, or one value of a larger one).</summary>
        internal static PlaidJsonValue From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Null:
                    return Null;
                case JsonValueKind.String:
                    return FromString(element.GetString()!);
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return new PlaidJsonValue(element.ValueKind == JsonValueKind.True ? "true" : "false", PlaidJsonValueKind.Boolean, null);
                case JsonValueKind.Number:
                    return new PlaidJsonValue(element.GetRawText(), PlaidJsonValueKind.Number, null);
                default:
                    var kind = element.ValueKind == JsonValueKind.Array ? PlaidJsonValueKind.Array : PlaidJsonValueKind.Object;
                    using (var buffer = new MemoryStream())
                    {
                        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
                        {
                            element.WriteTo(writer);
                        }

                        return new PlaidJsonValue(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), kind, null);
                    }
            }
        }
    }
}
