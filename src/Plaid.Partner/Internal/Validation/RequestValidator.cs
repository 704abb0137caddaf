using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Checks a request model against the spec's required flags (rendered by NSwag as DataAnnotations) before it is
    /// sent, so a missing field fails fast with its JSON name instead of a serializer error or a round trip.
    /// </summary>
    /// <remarks>
    /// Each model type is inspected once: its validation attributes, the JSON names and compiled getters are kept, and
    /// the check of a valid request is compiled into one delegate per type (a null test per required member, a call per
    /// nested model), so a create neither reflects nor loops over property descriptions on every call (the per-call
    /// benchmarks in benchmarks/README.md). The generated models carry attributes on properties only (no class-level attributes or
    /// IValidatableObject), which is all this checks.
    /// </remarks>
    internal static class RequestValidator
    {
        private const int MaxDepth = 16;

        private static readonly ConcurrentDictionary<Type, ModelPlan> Plans = new();

        private static readonly MethodInfo IsValidMethod = typeof(RequestValidator).GetMethod(nameof(IsValid), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo ItemsAreValidMethod = typeof(RequestValidator).GetMethod(nameof(ItemsAreValid), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo AttributeIsValid = typeof(ValidationAttribute).GetMethod(nameof(ValidationAttribute.IsValid), new[] { typeof(object) })!;

        public static void Validate(object request, string parameterName)
        {
            if (request is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            // Most requests are valid: check without building any path text first, and describe only a failure.
            if (IsValid(request, depth: 0))
            {
                return;
            }

            List<string>? problems = null;
            Collect(request, request.GetType().Name, ref problems, depth: 0);
            if (problems is not null)
            {
                throw new ArgumentException($"{request.GetType().Name} is not valid: {string.Join("; ", problems)}.", parameterName);
            }
        }

        private static bool IsValid(object model, int depth) =>
            depth > MaxDepth || Plans.GetOrAdd(model.GetType(), static type => new ModelPlan(type)).IsValid(model, depth);

        // The items of a list that may hold models, for the compiled checks.
        private static bool ItemsAreValid(IEnumerable items, int depth)
        {
            foreach (var item in items)
            {
                if (item is not null && IsModel(item.GetType()) && !IsValid(item, depth))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Collect(object model, string path, ref List<string>? problems, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            var plan = Plans.GetOrAdd(model.GetType(), static type => new ModelPlan(type));
            foreach (var property in plan.Validated)
            {
                var value = property.Get(model);
                foreach (var attribute in property.Attributes)
                {
                    if (!attribute.IsValid(value))
                    {
                        (problems ??= new List<string>()).Add($"{path}.{property.Name} ('{property.JsonName}') is required");
                        break;
                    }
                }
            }

            foreach (var property in plan.Nested)
            {
                var value = property.Get(model);
                if (value is null)
                {
                    continue;
                }

                if (!property.IsCollection)
                {
                    Collect(value, $"{path}.{property.Name}", ref problems, depth + 1);
                    continue;
                }

                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null && IsModel(item.GetType()))
                    {
                        Collect(item, $"{path}.{property.Name}[{index}]", ref problems, depth + 1);
                    }

                    index++;
                }
            }
        }

        private static bool IsModel(Type type) =>
            type.IsClass && type.Assembly == typeof(RequestValidator).Assembly && type.Namespace == "Plaid.Partner";

        /// <summary>What to check on one model type: properties with validation attributes, and properties holding models.</summary>
        private sealed class ModelPlan
        {
            public ModelPlan(Type type)
            {
                var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead).ToList();
                Validated = properties
                    .Select(p => (Property: p, Attributes: p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
                    .Where(p => p.Attributes.Length > 0)
                    .Select(p => new PropertyPlan(p.Property, p.Attributes, isCollection: false))
                    .ToArray();
                Nested = properties
                    .Where(p => IsModel(p.PropertyType) || HoldsModels(p.PropertyType))
                    .Select(p => new PropertyPlan(p, Array.Empty<ValidationAttribute>(), isCollection: !IsModel(p.PropertyType)))
                    .ToArray();
                IsValid = CompileCheck(type, Validated, Nested);
            }

            public PropertyPlan[] Validated { get; }

            public PropertyPlan[] Nested { get; }

            /// <summary>True when the model and every model in it pass; the failure path (<see cref="Collect"/>) says why not.</summary>
            public Func<object, int, bool> IsValid { get; }

            // (model, depth) => model.A != null && attribute.IsValid(model.B) && (model.C == null || IsValid(model.C, depth + 1)) && …
            private static Func<object, int, bool> CompileCheck(Type type, PropertyPlan[] validated, PropertyPlan[] nested)
            {
                var model = Expression.Parameter(typeof(object), "model");
                var depth = Expression.Parameter(typeof(int), "depth");
                var typed = Expression.Variable(type, "typed");
                var deeper = Expression.Add(depth, Expression.Constant(1));
                Expression all = Expression.Constant(true);
                foreach (var property in validated)
                {
                    var value = Expression.Property(typed, property.Property);
                    foreach (var attribute in property.Attributes)
                    {
                        // [Required(AllowEmptyStrings = true)], all NSwag writes for a required member, only means "not null".
                        all = Expression.AndAlso(all, attribute is RequiredAttribute { AllowEmptyStrings: true } && !property.Property.PropertyType.IsValueType
                            ? Expression.NotEqual(value, Expression.Constant(null, property.Property.PropertyType))
                            : Expression.Call(Expression.Constant(attribute), AttributeIsValid, Expression.Convert(value, typeof(object))));
                    }
                }

                foreach (var property in nested)
                {
                    var value = Expression.Property(typed, property.Property);
                    var check = property.IsCollection
                        ? Expression.Call(ItemsAreValidMethod, Expression.Convert(value, typeof(IEnumerable)), deeper)
                        : Expression.Call(IsValidMethod, Expression.Convert(value, typeof(object)), deeper);
                    all = Expression.AndAlso(all, Expression.OrElse(Expression.Equal(value, Expression.Constant(null, property.Property.PropertyType)), check));
                }

                var body = Expression.Block(new[] { typed }, Expression.Assign(typed, Expression.Convert(model, type)), all);
                return Expression.Lambda<Func<object, int, bool>>(body, model, depth).Compile();
            }

            // A list of models (or of anything that might be one); lists of strings or extensible enums hold none.
            private static bool HoldsModels(Type type)
            {
                if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type))
                {
                    return false;
                }

                var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                    ? type
                    : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
                var element = enumerable?.GetGenericArguments()[0];
                return element is null || (!element.IsValueType && element != typeof(string));
            }
        }

        private sealed class PropertyPlan
        {
            public PropertyPlan(PropertyInfo property, ValidationAttribute[] attributes, bool isCollection)
            {
                Property = property;
                Name = property.Name;
                JsonName = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name;
                Attributes = attributes;
                IsCollection = isCollection;

                var model = Expression.Parameter(typeof(object), "model");
                var read = Expression.Property(Expression.Convert(model, property.DeclaringType!), property);
                Get = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), model).Compile();
            }

            public PropertyInfo Property { get; }

            public string Name { get; }

            public string JsonName { get; }

            public ValidationAttribute[] Attributes { get; }

            public bool IsCollection { get; }

            public Func<object, object?> Get { get; }
        }
    }
}
