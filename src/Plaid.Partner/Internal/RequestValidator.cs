using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Checks a request model against the spec's required flags (rendered by NSwag as DataAnnotations) before it is
    /// sent, so a missing field fails fast with its JSON name instead of a serializer error or a round trip.
    /// </summary>
    internal static class RequestValidator
    {
        public static void Validate(object request, string parameterName)
        {
            if (request is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            var problems = new List<string>();
            Collect(request, request.GetType().Name, problems, depth: 0);
            if (problems.Count > 0)
            {
                throw new ArgumentException($"{request.GetType().Name} is not valid: {string.Join("; ", problems)}.", parameterName);
            }
        }

        private static void Collect(object model, string path, List<string> problems, int depth)
        {
            if (depth > 16)
            {
                return;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    problems.Add($"{path}.{member} ('{JsonName(model.GetType(), member)}') is required");
                }
            }

            foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || !IsModel(property.PropertyType) && !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                {
                    continue;
                }

                var value = property.GetValue(model);
                if (value is null || value is string)
                {
                    continue;
                }

                if (IsModel(value.GetType()))
                {
                    Collect(value, $"{path}.{property.Name}", problems, depth + 1);
                }
                else if (value is IEnumerable items and not IDictionary)
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsModel(item.GetType()))
                        {
                            Collect(item, $"{path}.{property.Name}[{index}]", problems, depth + 1);
                        }

                        index++;
                    }
                }
            }
        }

        private static bool IsModel(Type type) =>
            type.IsClass && type.Assembly == typeof(RequestValidator).Assembly && type.Namespace == "Plaid.Partner";

        private static string JsonName(Type type, string member) =>
            type.GetProperty(member)?.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? member;
    }
}
