using System;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The System.Text.Json side of <see cref="ExtensibleEnumJsonConverter"/>: the generated extensible enums read and
    /// write their raw JSON string, so a model returned from an ASP.NET Core endpoint shows <c>"ACTIVE"</c>, not the
    /// struct's properties, and a value Plaid adds later reads back unchanged. A nullable enum is handled by
    /// System.Text.Json around this converter.
    /// </summary>
    internal sealed class ExtensibleEnumSystemTextJsonConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsValueType && typeof(IExtensibleEnum).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

        private sealed class Converter<T> : JsonConverter<T>
            where T : struct, IExtensibleEnum
        {
            // Built once per enum type (the factory is asked once per type and options): `raw => new T(raw)`.
            private static readonly Func<string, T> Create = BuildCreate();

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
                }

                return Create(reader.GetString()!);
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

            private static Func<string, T> BuildCreate()
            {
                var constructor = typeof(T).GetConstructor(new[] { typeof(string) })
                    ?? throw new InvalidOperationException($"{typeof(T).FullName} has no (string) constructor; it is not a generated extensible enum.");
                var raw = Expression.Parameter(typeof(string), "raw");
                return Expression.Lambda<Func<string, T>>(Expression.New(constructor, raw), raw).Compile();
            }
        }
    }
}
