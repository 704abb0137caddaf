using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests
{
    /// <summary>Conventions of the public surface, checked by reflection so a new member cannot quietly break them.</summary>
    public class WholesomeTests
    {
        private static readonly Assembly Library = typeof(PlaidPartnerClient).Assembly;

        private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

        private static IEnumerable<MethodInfo> PublicAsyncMethods =>
            PublicTypes.Where(t => t.IsClass && !IsGeneratedModel(t))
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType));

        [Test]
        public void Every_public_async_method_is_virtual_and_ends_with_an_optional_cancellation_token()
        {
            var methods = PublicAsyncMethods.ToList();
            Assert.That(methods, Is.Not.Empty);

            foreach (var method in methods)
            {
                var last = method.GetParameters().LastOrDefault();
                Assert.Multiple(() =>
                {
                    Assert.That(method.IsVirtual && !method.IsFinal, Is.True, $"{method.DeclaringType!.Name}.{method.Name} must be virtual so it can be mocked");
                    Assert.That(last?.ParameterType, Is.EqualTo(typeof(CancellationToken)), $"{method.Name} must take a CancellationToken last");
                    Assert.That(last?.HasDefaultValue, Is.True, $"{method.Name}'s CancellationToken must default");
                    Assert.That(method.Name, Does.EndWith("Async"));
                });
            }
        }

        [Test]
        public void Every_public_type_and_property_has_xml_documentation()
        {
            // The generated file turns CS1591 off (NSwag's file header), so this keeps the package's docs complete. The
            // model template writes a summary only from the contract's description, so a member the contract leaves
            // bare is missing here, and an empty summary does not count either.
            var documented = XDocument.Load(Path.ChangeExtension(Library.Location, ".xml"))
                .Descendants("member")
                .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value) || m.Element("inheritdoc") is not null)
                .Select(m => (string?)m.Attribute("name"))
                .ToHashSet(StringComparer.Ordinal);
            var missing = new List<string>();
            foreach (var type in PublicTypes)
            {
                var typeName = type.FullName!.Replace('+', '.');
                if (!documented.Contains("T:" + typeName))
                {
                    missing.Add("T:" + typeName);
                }

                missing.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(p => p.GetIndexParameters().Length == 0)
                    .Select(p => $"P:{typeName}.{p.Name}")
                    .Where(id => !documented.Contains(id)));
            }

            Assert.That(missing, Is.Empty);
        }

        [Test]
        public void Clients_have_a_protected_parameterless_constructor_for_mocking()
        {
            var constructor = typeof(PlaidPartnerClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);

            Assert.That(constructor?.IsFamily, Is.True);
        }

        [Test]
        public void Every_json_member_name_is_snake_case()
        {
            var names = PublicTypes
                .SelectMany(t => t.GetProperties())
                .Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName)
                .Where(n => n is not null)
                .ToList();

            Assert.That(names, Is.Not.Empty);

            // Plaid's members are snake_case; the beta CRA questionnaire keys its purposes by upper-case snake names.
            Assert.That(names, Has.All.Match("^([a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*)$"));
        }

        [Test]
        public void Nothing_generated_or_internal_leaks_into_the_public_surface()
        {
            Assert.Multiple(() =>
            {
                Assert.That(typeof(PlaidPartnerApiClient).IsPublic, Is.False, "the generated HTTP client is internal");
                Assert.That(typeof(PlaidFailure).IsPublic, Is.False, "the generated client's failure is internal");
                Assert.That(PublicTypes.Where(t => t.Namespace != "Plaid.Partner" && t.Namespace?.StartsWith("Plaid.Partner.", StringComparison.Ordinal) != true), Is.Empty);
                Assert.That(PublicTypes.Where(t => t.Namespace == "Plaid.Partner.Internal"), Is.Empty);
                Assert.That(PublicTypes.Where(t => t.Name.Contains("Generated", StringComparison.Ordinal)), Is.Empty);
            });
        }

        [Test]
        public void Every_public_request_type_is_taken_by_a_public_method()
        {
            // An operation whose request is only an id takes the id; its request class is internal (x-dotnet-access in the
            // overlay), so no public type stands beside the method unused. A request with fields is taken as an object.
            var taken = PublicTypes
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .SelectMany(m => m.GetParameters())
                .Select(p => p.ParameterType)
                .ToHashSet();
            var requests = PublicTypes.Where(t => IsGeneratedModel(t) && t.Name.EndsWith("Request", StringComparison.Ordinal)).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(requests, Has.Count.GreaterThanOrEqualTo(4), "the create, beta create, beta update and beta enable requests");
                Assert.That(requests.Where(t => !taken.Contains(t)).Select(t => t.Name), Is.Empty);
                Assert.That(Library.GetType("Plaid.Partner.PartnerCustomerGetRequest", throwOnError: true)!.IsPublic, Is.False);
            });
        }

        [Test]
        public void Every_public_type_only_the_beta_client_reaches_says_it_is_beta()
        {
            // The beta surface may change in a minor version (README, "Versioning"); a user must read that on each type.
            var beta = Reachable(typeof(PlaidPartnerBetaClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
            var generallyAvailable = Reachable(typeof(PlaidPartnerClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name != "get_Beta"));
            generallyAvailable.UnionWith(Reachable(new[] { typeof(Plaid.Partner.Webhooks.PlaidWebhookParser).GetMethod("Parse", new[] { typeof(string) })! }));
            generallyAvailable.UnionWith(Reachable(typeof(PartnerEndCustomerOAuthStatusUpdatedWebhook)));
            var betaOnly = beta.Where(t => !generallyAvailable.Contains(t)).ToList();
            var remarks = XDocument.Load(Path.ChangeExtension(Library.Location, ".xml"))
                .Descendants("member")
                .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("remarks")?.Value ?? m.Element("summary")?.Value ?? string.Empty, StringComparer.Ordinal);

            Assert.Multiple(() =>
            {
                Assert.That(betaOnly.Select(t => t.Name), Does.Contain(nameof(BetaPartnerEndCustomer)).And.Contain(nameof(PartnerEndCustomerRequirementDue)));
                foreach (var type in betaOnly)
                {
                    Assert.That(remarks.GetValueOrDefault("T:" + type.FullName, string.Empty), Does.Contain("Beta").And.Contain("minor version"), type.Name);
                }
            });
        }

        private static HashSet<Type> Reachable(IEnumerable<MethodInfo> methods) =>
            Reachable(methods.SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)).ToArray());

        // The library's public types a caller meets through these types: generic arguments, element types and properties.
        private static HashSet<Type> Reachable(params Type[] roots)
        {
            var found = new HashSet<Type>();
            var pending = new Stack<Type>(roots);
            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (type.HasElementType)
                {
                    pending.Push(type.GetElementType()!);
                    continue;
                }

                foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
                {
                    pending.Push(argument);
                }

                // PlaidSandboxSample<T> is one type whichever response it holds.
                if (type.Assembly != Library || !type.IsPublic || !found.Add(type.IsGenericType ? type.GetGenericTypeDefinition() : type))
                {
                    continue;
                }

                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }

            return found;
        }

        [Test]
        public void Every_generated_enum_is_extensible()
        {
            var enums = PublicTypes.Where(t => t.GetInterfaces().Contains(typeof(IExtensibleEnum))).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(PublicTypes.Where(t => t.IsEnum && IsGeneratedModel(t)), Is.Empty, "a C# enum from the spec would throw on a value Plaid adds later");
                Assert.That(enums, Has.Count.GreaterThanOrEqualTo(9));
                foreach (var type in enums)
                {
                    Assert.That(type.IsValueType, Is.True, type.Name);
                    Assert.That(type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType, Is.EqualTo(typeof(ExtensibleEnumJsonConverter)), type.Name);
                    Assert.That(
                        type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()?.ConverterType,
                        Is.EqualTo(typeof(ExtensibleEnumSystemTextJsonConverterFactory)),
                        type.Name + ": an ASP.NET Core endpoint (System.Text.Json) must write the value, not the struct's properties");
                    Assert.That(type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static), Is.Not.Null, type.Name);
                }
            });
        }

        [Test]
        public void Public_property_names_are_pascal_case()
        {
            var bad = PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(p => !Regex.IsMatch(p.Name, "^[A-Z][A-Za-z0-9]*$"))
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

            Assert.That(bad, Is.Empty);
        }

        [Test]
        public void The_only_public_exceptions_are_the_api_error_the_production_only_rule_and_a_malformed_webhook()
        {
            var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

            Assert.That(exceptions, Is.EquivalentTo(new[] { typeof(PlaidApiException), typeof(PlaidProductionOnlyException), typeof(Plaid.Partner.Webhooks.PlaidWebhookFormatException) }));
        }

        private static bool IsGeneratedModel(Type type) =>
            type.GetCustomAttributes<System.CodeDom.Compiler.GeneratedCodeAttribute>().Any();
    }
}
