using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>What belongs to the partner subset: which paths, which webhook schemas, which servers.</summary>
    internal static class PartnerSubset
    {
        public static readonly string[] PathPrefixes = { "/partner/", "/beta/partner/" };

        public static readonly string[] SinglePaths = { "/webhook_verification_key/get" };

        public static readonly string[] ServerUrls = { "https://production.plaid.com", "https://sandbox.plaid.com" };

        /// <summary>The HTTP methods a path item may hold (its other members are parameters, servers, extensions).</summary>
        public static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        public static bool IsPartnerPath(string path) =>
            PathPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)) || SinglePaths.Contains(path, StringComparer.Ordinal);

        /// <summary>
        /// A component schema is a partner webhook when its name ends with <c>Webhook</c> and its
        /// <c>webhook_type</c> says <c>PARTNER</c>: as an enum or const value, as the whole description (Plaid writes
        /// <c>'`PARTNER`'</c>), or in the schema's example. The name alone would also catch other products' webhooks.
        /// </summary>
        public static bool IsPartnerWebhookSchema(string name, JToken schema)
        {
            if (!name.EndsWith("Webhook", StringComparison.Ordinal) || schema is not JObject body)
            {
                return false;
            }

            if (body["example"]?["webhook_type"] is JValue { Type: JTokenType.String } example && (string)example! == "PARTNER")
            {
                return true;
            }

            if (body["properties"]?["webhook_type"] is not JObject webhookType)
            {
                return false;
            }

            return webhookType["enum"] is JArray values && values.Any(v => v.Type == JTokenType.String && (string)v! == "PARTNER")
                || webhookType["const"] is JValue { Type: JTokenType.String } constant && (string)constant! == "PARTNER"
                || webhookType["description"] is JValue { Type: JTokenType.String } description && ((string)description!).Trim().Trim('`') == "PARTNER";
        }

        public static bool IsKeptServer(JToken server) =>
            server["url"] is JValue { Type: JTokenType.String } url && ServerUrls.Contains(((string)url!).TrimEnd('/'), StringComparer.OrdinalIgnoreCase);

        /// <summary>Every operation of a paths object as <c>POST /partner/customer/get</c>, in document order.</summary>
        public static IEnumerable<string> Operations(JObject? paths) =>
            from path in paths?.Properties() ?? Enumerable.Empty<JProperty>()
            from method in (path.Value as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()
            where Methods.Contains(method.Name, StringComparer.Ordinal)
            select $"{method.Name.ToUpperInvariant()} {path.Name}";

        /// <summary>The partner webhook schemas of a document, by name, in document order.</summary>
        public static IEnumerable<string> WebhookSchemas(JObject document) =>
            from schema in (document["components"]?["schemas"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()
            where IsPartnerWebhookSchema(schema.Name, schema.Value)
            select schema.Name;
    }
}
