using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// Random answers that the bundled contract allows for a schema: optional members present or not, <c>null</c> where a
    /// member is nullable, any enum value, and every open value (an object's <c>additionalProperties: true</c>, a schema
    /// without a type) filled with any JSON: booleans, numbers, strings, nulls, objects and arrays, nested.
    /// </summary>
    internal sealed class ContractAnswers
    {
        private const int MaxDepth = 6;

        private readonly Random _random;

        public ContractAnswers(int seed)
        {
            _random = new Random(seed);
        }

        public JToken For(JsonSchema schema) => Value(schema, nullable: false, depth: 0);

        /// <summary>Any JSON value at all, as an open value may hold.</summary>
        public JToken AnyValue(int depth)
        {
            var kinds = depth >= MaxDepth ? 4 : 6;
            return _random.Next(kinds) switch
            {
                0 => JValue.CreateNull(),
                1 => new JValue(_random.Next(2) == 0),
                2 => Number(),
                3 => new JValue(Text()),
                4 => new JArray(Enumerable.Range(0, _random.Next(3)).Select(_ => AnyValue(depth + 1))),
                _ => new JObject(Enumerable.Range(0, _random.Next(3)).Select(i => new JProperty($"open_{i}_{Text()}", AnyValue(depth + 1)))),
            };
        }

        private JToken Value(JsonSchema schema, bool nullable, int depth)
        {
            if (nullable && _random.Next(4) == 0)
            {
                return JValue.CreateNull();
            }

            var actual = schema.ActualSchema;
            var parts = Parts(actual).ToList();
            if (parts.Count > 1 || parts[0].Type.HasFlag(JsonObjectType.Object) || parts[0].ActualProperties.Count > 0)
            {
                return Object(parts, depth);
            }

            var single = parts[0];
            if (single.IsEnumeration)
            {
                var values = single.Enumeration.ToList();
                return new JValue(values[_random.Next(values.Count)]);
            }

            if (single.Type.HasFlag(JsonObjectType.Array))
            {
                return new JArray(Enumerable.Range(0, _random.Next(3)).Select(_ => Value(single.Item!, single.Item!.ActualSchema.IsNullableRaw == true, depth + 1)));
            }

            if (single.Type.HasFlag(JsonObjectType.String))
            {
                return new JValue(single.Format == "date-time" ? "2026-12-07T04:13:53Z" : Text());
            }

            if (single.Type.HasFlag(JsonObjectType.Integer))
            {
                // An integer without format is an int (int32) for the generator, as in most of Plaid's SDKs.
                return new JValue(single.Format == "int64" ? (long)_random.Next(0, int.MaxValue) * 3 : _random.Next(-1000, int.MaxValue));
            }

            if (single.Type.HasFlag(JsonObjectType.Number))
            {
                return Number();
            }

            if (single.Type.HasFlag(JsonObjectType.Boolean))
            {
                return new JValue(_random.Next(2) == 0);
            }

            // A schema with no type: open.
            return AnyValue(depth + 1);
        }

        private JObject Object(List<JsonSchema> parts, int depth)
        {
            var answer = new JObject();
            foreach (var part in parts)
            {
                foreach (var (name, property) in part.Properties)
                {
                    if (depth < MaxDepth && (part.RequiredProperties.Contains(name) || _random.Next(4) != 0))
                    {
                        answer[name] = Value(property, property.IsNullableRaw == true, depth + 1);
                    }
                }
            }

            var dictionaryValues = parts.Select(p => p.AdditionalPropertiesSchema).FirstOrDefault(s => s is not null);
            var keys = _random.Next(4);
            for (var i = 0; i < keys; i++)
            {
                var name = $"unknown_{i}_{Text()}";
                if (dictionaryValues is not null)
                {
                    answer[name] = Value(dictionaryValues, nullable: false, depth + 1);
                }
                else if (parts.Any(p => p.AllowAdditionalProperties))
                {
                    answer[name] = AnyValue(depth + 1);
                }
            }

            return answer;
        }

        /// <summary>The schema and, through allOf, every schema it is made of.</summary>
        private static IEnumerable<JsonSchema> Parts(JsonSchema schema)
        {
            if (schema.AllOf.Count == 0)
            {
                yield return schema;
                yield break;
            }

            foreach (var part in schema.AllOf.SelectMany(p => Parts(p.ActualSchema)))
            {
                yield return part;
            }

            if (schema.Properties.Count > 0)
            {
                yield return schema;
            }
        }

        private JValue Number() => _random.Next(3) switch
        {
            0 => new JValue(_random.Next(-1000, 1000)),
            1 => new JValue(_random.Next(0, 100000) / 4.0),
            _ => new JValue(long.MaxValue - _random.Next(1000)),
        };

        private string Text() => _random.Next(5) switch
        {
            0 => string.Empty,
            1 => "é ✓ \"quoted\" \\ slash",
            _ => _random.Next().ToString("x", CultureInfo.InvariantCulture),
        };
    }
}
