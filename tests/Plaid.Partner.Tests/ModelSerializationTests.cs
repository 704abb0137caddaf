using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests
{
    /// <summary>
    /// Every public model and value type, filled by reflection (every member set, an unknown member beside them, a value
    /// Plaid may add to an enum), written by Newtonsoft.Json and by System.Text.Json: both write the same JSON, with
    /// Plaid's snake_case names and string values, and each reads what the other wrote back to it.
    /// </summary>
    public class ModelSerializationTests
    {
        private static readonly Assembly Library = typeof(PlaidPartnerClient).Assembly;

        private static readonly DateTimeOffset SomeTime = new(2026, 12, 7, 4, 13, 53, TimeSpan.Zero);

        /// <summary>The generated models and enums, and the hand-written values they hold.</summary>
        public static IEnumerable<Type> ModelTypes() =>
            Library.GetExportedTypes()
                .Where(t => t.GetCustomAttributes<System.CodeDom.Compiler.GeneratedCodeAttribute>().Any()
                    || t.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is not null)
                .OrderBy(t => t.Name, StringComparer.Ordinal);

        [Test]
        public void There_are_models_and_every_one_carries_converters_or_names_for_both_serializers()
        {
            var types = ModelTypes().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(types, Has.Count.GreaterThanOrEqualTo(40));
                Assert.That(types, Does.Contain(typeof(PlaidJsonValue)).And.Contain(typeof(PartnerEndCustomerProductStatus)).And.Contain(typeof(PartnerEndCustomerStatus)));
                foreach (var property in types.Where(t => t.IsClass).SelectMany(t => t.GetProperties()).Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null))
                {
                    Assert.That(
                        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name,
                        Is.EqualTo(property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName),
                        $"{property.DeclaringType!.Name}.{property.Name}");
                }
            });
        }

        [TestCaseSource(nameof(ModelTypes))]
        public void A_model_round_trips_through_both_serializers_with_plaids_names_and_values(Type type)
        {
            var instance = Sample(type, type.Name, depth: 0)!;

            var byNewtonsoft = JsonConvert.SerializeObject(instance, type, Settings());
            var bySystemTextJson = System.Text.Json.JsonSerializer.Serialize(instance, type);
            var readBySystemTextJson = System.Text.Json.JsonSerializer.Deserialize(byNewtonsoft, type);
            var readByNewtonsoft = JsonConvert.DeserializeObject(bySystemTextJson, type, Settings());

            Assert.Multiple(() =>
            {
                AssertSameJson(bySystemTextJson, byNewtonsoft, "System.Text.Json writes what Newtonsoft.Json writes");
                AssertSameJson(JsonConvert.SerializeObject(readBySystemTextJson, type, Settings()), byNewtonsoft, "System.Text.Json reads Newtonsoft.Json's JSON back");
                AssertSameJson(System.Text.Json.JsonSerializer.Serialize(readByNewtonsoft, type), byNewtonsoft, "Newtonsoft.Json reads System.Text.Json's JSON back");
                if (type.IsClass && type.GetProperty("AdditionalProperties") is not null)
                {
                    Assert.That(JObject.Parse(bySystemTextJson).ContainsKey("an_unknown_member"), Is.True, "unknown members are written as members");
                    Assert.That(JObject.Parse(bySystemTextJson).Properties().Select(p => p.Name), Has.None.EqualTo("AdditionalProperties"));
                }
            });
        }

        [Test]
        public void An_end_customers_status_is_written_as_its_string_by_system_text_json()
        {
            var customer = new PartnerEndCustomer { ClientId = "c", CompanyName = "Plaid", Status = PartnerEndCustomerStatus.Active };

            Assert.That(System.Text.Json.JsonSerializer.Serialize(customer), Is.EqualTo("{\"client_id\":\"c\",\"company_name\":\"Plaid\",\"status\":\"ACTIVE\"}"));
        }

        private static JsonSerializerSettings Settings()
        {
            var settings = new JsonSerializerSettings();
            PlaidJson.Configure(settings);
            return settings;
        }

        private static void AssertSameJson(string actual, string expected, string what)
        {
            var settings = new JsonSerializerSettings { DateParseHandling = DateParseHandling.None };
            var actualToken = JsonConvert.DeserializeObject<JToken>(actual, settings);
            var expectedToken = JsonConvert.DeserializeObject<JToken>(expected, settings);
            Assert.That(JToken.DeepEquals(actualToken, expectedToken), Is.True, $"{what}:\n{actual}\nexpected:\n{expected}");
        }

        /// <summary>A value of <paramref name="type"/> with every member set, to <paramref name="depth"/> levels of nesting.</summary>
        private static object? Sample(Type type, string name, int depth)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return $"{name} é \"quoted\"";
            }

            if (underlying == typeof(bool))
            {
                return true;
            }

            if (underlying == typeof(int))
            {
                return 42;
            }

            if (underlying == typeof(long))
            {
                return 1_796_000_000L;
            }

            if (underlying == typeof(double))
            {
                return 1234.5;
            }

            if (underlying == typeof(DateTimeOffset))
            {
                return SomeTime;
            }

            if (underlying == typeof(PlaidJsonValue))
            {
                return PlaidJsonValue.Parse("{\"nested\":[1,true,null,\"é\"],\"n\":-2.5}");
            }

            if (underlying == typeof(PartnerEndCustomerProductStatus))
            {
                return new PartnerEndCustomerProductStatus(PlaidJsonValue.Parse("{\"state\":\"held\"}"));
            }

            if (typeof(IExtensibleEnum).IsAssignableFrom(underlying))
            {
                // A value this version does not know: it must survive both serializers too.
                return Activator.CreateInstance(underlying, "A_VALUE_PLAID_ADDS_LATER");
            }

            if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                var valueType = underlying.GetGenericArguments()[1];
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(underlying.GetGenericArguments()))!;
                dictionary["auth"] = valueType == typeof(PartnerEndCustomerProductStatus)
                    ? new PartnerEndCustomerProductStatus(PartnerEndCustomerStatus.Active)
                    : Sample(valueType, name, depth + 1);
                dictionary["layer"] = Sample(valueType, name, depth + 1);
                return dictionary;
            }

            if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IList<>))
            {
                var itemType = underlying.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                list.Add(Sample(itemType, name, depth + 1));
                return list;
            }

            if (underlying.IsClass && underlying.GetConstructor(Type.EmptyTypes) is not null && depth < 4)
            {
                var model = Activator.CreateInstance(underlying)!;
                foreach (var property in underlying.GetProperties().Where(p => p.CanWrite && p.GetCustomAttribute<JsonPropertyAttribute>() is not null))
                {
                    property.SetValue(model, Sample(property.PropertyType, property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!, depth + 1));
                }

                if (underlying.GetProperty("AdditionalProperties")?.GetValue(model) is IDictionary<string, PlaidJsonValue> extra)
                {
                    extra["an_unknown_member"] = PlaidJsonValue.Parse("[1,{\"a\":null},\"ACTIVE\"]");
                }

                return model;
            }

            if (underlying.IsClass)
            {
                return null;
            }

            throw new NotSupportedException($"No sample for {type} ({name}): add one.");
        }
    }
}
