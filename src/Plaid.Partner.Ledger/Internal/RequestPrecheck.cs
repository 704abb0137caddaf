using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Newtonsoft.Json;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// The client's own check of a create request, made before anything is recorded: the client checks the same
    /// DataAnnotations (the spec's required fields) when it sends, but by then the ledger has claimed the reference.
    /// Checking first keeps a request the client would refuse out of the ledger.
    /// </summary>
    internal static class RequestPrecheck
    {
        private const int MaxDepth = 16;

        private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string JsonName, ValidationAttribute[] Rules)[]> Plans = new();

        public static void Check(object request, string parameterName)
        {
            if (request is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            var problems = new List<string>();
            Collect(request, request.GetType().Name, problems, depth: 0);
            if (problems.Count > 0)
            {
                throw new ArgumentException($"{request.GetType().Name} is not valid: {string.Join("; ", problems)}. Nothing was recorded or sent.", parameterName);
            }
        }

        private static void Collect(object model, string path, List<string> problems, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var (property, jsonName, rules) in Plans.GetOrAdd(model.GetType(), Plan))
            {
                var value = property.GetValue(model);
                foreach (var rule in rules)
                {
                    if (!rule.IsValid(value))
                    {
                        problems.Add($"{path}.{jsonName}: {rule.FormatErrorMessage(jsonName)}");
                    }
                }

                if (value is string || value is null)
                {
                    continue;
                }

                if (IsModel(value.GetType()))
                {
                    Collect(value, $"{path}.{jsonName}", problems, depth + 1);
                }
                else if (value is IEnumerable items)
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsModel(item.GetType()))
                        {
                            Collect(item, $"{path}.{jsonName}[{index}]", problems, depth + 1);
                        }

                        index++;
                    }
                }
            }
        }

        // The generated request models: classes in the client's namespace.
        private static bool IsModel(Type type) => type.IsClass && type.Namespace == typeof(PartnerCustomerCreateRequest).Namespace;

        private static (PropertyInfo, string, ValidationAttribute[])[] Plan(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)
                .Select(property => (
                    property,
                    property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name,
                    property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
                .ToArray();
    }
}
