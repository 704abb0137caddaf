using System;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>Reads any JSON value into a <see cref="PartnerEndCustomerProductStatus"/> and writes it back unchanged (Newtonsoft.Json).</summary>
    internal sealed class PartnerEndCustomerProductStatusNewtonsoftJsonConverter : JsonConverter<PartnerEndCustomerProductStatus>
    {
        public override PartnerEndCustomerProductStatus ReadJson(
            JsonReader reader,
            Type objectType,
            PartnerEndCustomerProductStatus existingValue,
            bool hasExistingValue,
            JsonSerializer serializer) =>
            new(PlaidJsonValueNewtonsoftJsonConverter.Read(reader));

        public override void WriteJson(JsonWriter writer, PartnerEndCustomerProductStatus value, JsonSerializer serializer) =>
            PlaidJsonValueNewtonsoftJsonConverter.Write(writer, value.Value);
    }
}
