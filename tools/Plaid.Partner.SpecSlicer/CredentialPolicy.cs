using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// The project's two rules for request bodies, applied to whatever the slice contains so that a new operation
    /// gets them without anyone remembering: (1) credentials travel in headers only, so <c>client_id</c> and
    /// <c>secret</c> are removed from every request body schema (properties and <c>required</c>) and from its examples;
    /// (2) nothing can be smuggled into a body through an extension dictionary, so every object schema that only
    /// requests use gets <c>additionalProperties: false</c>. Schemas that responses or webhooks also use keep theirs,
    /// and so do schemas that compose (allOf/anyOf/oneOf) or are composed, where <c>false</c> would reject the other
    /// members' fields. A described reference (<see cref="DescribedReferences"/>) composes nothing and does not count.
    /// </summary>
    internal static class CredentialPolicy
    {
        public static readonly string[] CredentialMembers = { "client_id", "secret" };

        public static CredentialPolicyResult Apply(JObject document)
        {
            var requestBodies = new List<JToken>();
            var everythingElse = new List<JToken>();
            foreach (var pathItem in (document["paths"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? Enumerable.Empty<JObject>())
            {
                foreach (var member in pathItem.Properties())
                {
                    if (PartnerSubset.Methods.Contains(member.Name, StringComparer.Ordinal) && member.Value is JObject operation)
                    {
                        requestBodies.AddRange(operation.Properties().Where(p => p.Name == "requestBody").Select(p => p.Value));
                        everythingElse.AddRange(operation.Properties().Where(p => p.Name != "requestBody").Select(p => p.Value));
                    }
                    else
                    {
                        everythingElse.Add(member.Value);
                    }
                }
            }

            everythingElse.AddRange(PartnerSubset.WebhookSchemas(document).Select(name => document["components"]!["schemas"]![name]!));

            var result = new CredentialPolicyResult();
            var inlineRequestSchemas = new List<JObject>();
            foreach (var media in requestBodies.Select(body => Dereference(document, body)).OfType<JObject>()
                         .SelectMany(body => (body["content"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? Enumerable.Empty<JObject>()))
            {
                if (Dereference(document, media["schema"]) is JObject schema)
                {
                    if (media["schema"]?["$ref"] is null)
                    {
                        inlineRequestSchemas.Add(schema);
                    }

                    result.CredentialsRemoved += StripCredentials(schema);
                }

                result.CredentialsRemoved += StripExampleCredentials(document, media);
            }

            var requestOnly = RequestOnlySchemas(document, requestBodies, everythingElse);
            foreach (var name in requestOnly)
            {
                result.ClosedSchemas += Close((JObject)document["components"]!["schemas"]![name]!);
            }

            foreach (var schema in inlineRequestSchemas)
            {
                result.ClosedSchemas += Close(schema);
            }

            return result;
        }

        private static IEnumerable<string> RequestOnlySchemas(JObject document, List<JToken> requestBodies, List<JToken> everythingElse)
        {
            var requests = ReferenceClosure.From(document, requestBodies);
            var others = ReferenceClosure.From(document, everythingElse);
            var compositionMembers = CompositionMembers(document);
            var schemas = document["components"]?["schemas"] as JObject;
            return (schemas?.Properties().Select(p => p.Name) ?? Enumerable.Empty<string>())
                .Select(name => new ComponentKey("schemas", name))
                .Where(key => requests.Contains(key) && !others.Contains(key) && !compositionMembers.Contains(key))
                .Select(key => key.Name)
                .ToList();
        }

        private static HashSet<ComponentKey> CompositionMembers(JObject document)
        {
            var members = new HashSet<ComponentKey>();
            var compositions = document.Descendants().OfType<JProperty>()
                .Where(p => p.Name is "allOf" or "anyOf" or "oneOf" && !(p.Parent is JObject owner && DescribedReferences.IsDescribedReference(owner)));
            foreach (var composition in compositions)
            {
                foreach (var reference in (composition.Value as JArray)?.Select(m => m["$ref"]).OfType<JValue>() ?? Enumerable.Empty<JValue>())
                {
                    if (reference.Type == JTokenType.String && ReferenceClosure.Resolve(document, (string)reference!, out _) is { } key)
                    {
                        members.Add(key);
                    }
                }
            }

            return members;
        }

        private static JToken? Dereference(JObject document, JToken? token)
        {
            for (var hops = 0; hops < 16 && token?["$ref"] is JValue { Type: JTokenType.String } reference; hops++)
            {
                var key = ReferenceClosure.Resolve(document, (string)reference!, out _);
                token = key is null ? null : document["components"]![key.Value.Kind]![key.Value.Name];
            }

            return token;
        }

        private static int StripCredentials(JObject schema)
        {
            var removed = 0;
            foreach (var member in CredentialMembers)
            {
                if (schema["properties"] is JObject properties && properties.Remove(member))
                {
                    removed++;
                }

                if (schema["required"] is JArray required)
                {
                    foreach (var entry in required.Where(r => r.Type == JTokenType.String && (string)r! == member).ToList())
                    {
                        entry.Remove();
                    }

                    if (required.Count == 0)
                    {
                        required.Parent!.Remove();
                    }
                }
            }

            return removed;
        }

        private static int StripExampleCredentials(JObject document, JObject media)
        {
            var values = new List<JToken?> { media["example"] };
            values.AddRange((media["examples"] as JObject)?.Properties().Select(p => Dereference(document, p.Value)?["value"]) ?? Enumerable.Empty<JToken?>());
            return values.OfType<JObject>().Sum(value => CredentialMembers.Count(value.Remove));
        }

        /// <summary>Sets <c>additionalProperties: false</c> on an object schema and on the inline object schemas inside it.</summary>
        private static int Close(JObject schema)
        {
            var closed = 0;
            if (IsObjectSchema(schema) && !IsComposed(schema) && schema["additionalProperties"] is null or JValue { Type: JTokenType.Boolean })
            {
                if (schema["additionalProperties"] is JValue existing)
                {
                    closed += (bool)existing ? 1 : 0;
                    existing.Value = false;
                }
                else
                {
                    InsertAfterTypeOrDescription(schema, new JProperty("additionalProperties", false));
                    closed++;
                }
            }

            var nested = ((schema["properties"] as JObject)?.Properties().Select(p => p.Value) ?? Enumerable.Empty<JToken>()).Append(schema["items"]);
            foreach (var inline in nested.OfType<JObject>().Where(s => s["$ref"] is null))
            {
                closed += Close(inline);
            }

            return closed;
        }

        // additionalProperties only sees its own schema's properties, so false would reject the composed members' fields.
        private static bool IsComposed(JObject schema) => schema["allOf"] is not null || schema["anyOf"] is not null || schema["oneOf"] is not null;

        private static bool IsObjectSchema(JObject schema) =>
            schema["type"] is JValue { Type: JTokenType.String } type ? (string)type! == "object" : schema["properties"] is JObject;

        private static void InsertAfterTypeOrDescription(JObject schema, JProperty member)
        {
            var anchor = schema.Property("type") ?? schema.Property("description");
            if (anchor is null)
            {
                schema.AddFirst(member);
            }
            else
            {
                anchor.AddAfterSelf(member);
            }
        }
    }
}
