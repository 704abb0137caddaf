using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plaid.Partner.Internal
{
    /// <summary>Reads any JSON value into a <see cref="PartnerEndCustomerProductStatus"/> and writes it back unchanged (System.Text.Json).</summary>
    internal sealed class PartnerEndCustomerProductStatusSystemTextJsonConverter : JsonConverter<PartnerEndCustomerProductStatus>
    {
        // A JSON null is kept as a value, as with Newtonsoft.Json.
        public override bool HandleNull => true;

        public override PartnerEndCustomerProductStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(PlaidJsonValueSystemTextJsonConverter.ReadValue(ref reader));

        public override void Write(Utf8JsonWriter writer, PartnerEndCustomerProductStatus value, JsonSerializerOptions options) =>
            PlaidJsonValueSystemTextJsonConverter.WriteValue(writer, value.Value);
    }
}
