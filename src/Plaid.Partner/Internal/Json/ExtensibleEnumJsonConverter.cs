using System;
using System.Collections.Concurrent;
#if !NET8_0_OR_GREATER
using System.Linq.Expressions;
#endif
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads and writes the generated extensible enums as their raw JSON string, so a value that Plaid adds
    /// after this library was built deserializes instead of failing the whole response.
    /// </summary>
    internal sealed class ExtensibleEnumJsonConverter : JsonConverter
    {
        // Per declared type (T or T?): every response has a status, so reading one must not reflect on each call.
        private static readonly ConcurrentDictionary<Type, EnumReader> Readers = new();

        public override bool CanConvert(Type objectType) =>
            typeof(IExtensibleEnum).IsAssignableFrom(Nullable.GetUnderlyingType(objectType) ?? objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var enumReader = Readers.GetOrAdd(objectType, static type => new EnumReader(type));
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    if (enumReader.IsNullable)
                    {
                        return null;
                    }

                    throw new JsonSerializationException($"Expected a string for {enumReader.EnumType.Name} but found null (path '{reader.Path}').");
                case JsonToken.String:
                    return enumReader.Create((string)reader.Value!);
                default:
                    throw new JsonSerializationException($"Expected a string for {enumReader.EnumType.Name} but found {reader.TokenType} (path '{reader.Path}').");
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

        private sealed class EnumReader
        {
            public EnumReader(Type objectType)
            {
                var underlying = Nullable.GetUnderlyingType(objectType);
                IsNullable = underlying is not null;
                EnumType = underlying ?? objectType;
                var constructor = EnumType.GetConstructor(new[] { typeof(string) })
                    ?? throw new InvalidOperationException($"{EnumType.FullName} has no (string) constructor; it is not a generated extensible enum.");

#if NET8_0_OR_GREATER
                // ConstructorInvoker: as fast per value as a compiled delegate, without compiling an expression tree, which
                // made the first response a process reads measurably slower (benchmarks/README.md, "first call").
                var invoker = System.Reflection.ConstructorInvoker.Create(constructor);
                Create = raw => invoker.Invoke(raw);
#else
                // A compiled `raw => (object)new T(raw)`: a reflection Invoke per value cost more than the rest of the read.
                var raw = Expression.Parameter(typeof(string), "raw");
                Create = Expression.Lambda<Func<string, object>>(Expression.Convert(Expression.New(constructor, raw), typeof(object)), raw).Compile();
#endif
            }

            public Type EnumType { get; }

            public bool IsNullable { get; }

            public Func<string, object> Create { get; }
        }
    }
}
