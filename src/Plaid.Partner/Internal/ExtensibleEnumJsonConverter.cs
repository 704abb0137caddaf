using System;
using System.Collections.Concurrent;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads and writes the generated extensible enums as their raw JSON string, so a value that Plaid adds
    /// after this library was built deserializes instead of failing the whole response.
    /// </summary>
    internal sealed class ExtensibleEnumJsonConverter : JsonConverter
    {
        private static readonly ConcurrentDictionary<Type, Func<string, object>> Factories = new();

        public override bool CanConvert(Type objectType) =>
            typeof(IExtensibleEnum).IsAssignableFrom(Nullable.GetUnderlyingType(objectType) ?? objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var underlying = Nullable.GetUnderlyingType(objectType);
            var enumType = underlying ?? objectType;
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    if (underlying is not null)
                    {
                        return null;
                    }

                    throw new JsonSerializationException($"Expected a string for {enumType.Name} but found null (path '{reader.Path}').");
                case JsonToken.String:
                    return Factories.GetOrAdd(enumType, CreateFactory)((string)reader.Value!);
                default:
                    throw new JsonSerializationException($"Expected a string for {enumType.Name} but found {reader.TokenType} (path '{reader.Path}').");
            }
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
                return;
            }

            writer.WriteValue(value.ToString());
        }

        private static Func<string, object> CreateFactory(Type enumType)
        {
            var constructor = enumType.GetConstructor(new[] { typeof(string) })
                ?? throw new InvalidOperationException($"{enumType.FullName} has no (string) constructor; it is not a generated extensible enum.");
            return raw => constructor.Invoke(new object[] { raw });
        }
    }
}
