using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// Cuts the partner subset out of Plaid's whole OpenAPI 3.0 document:
    /// <list type="number">
    /// <item>keep <c>openapi</c>, <c>info</c>, <c>servers</c> (Production and Sandbox only), <c>tags</c> (those the kept
    /// operations use), <c>security</c>, <c>externalDocs</c>, <c>paths</c> and <c>components</c>, in their input order;</item>
    /// <item>keep every path under <c>/partner/</c> and <c>/beta/partner/</c> and <c>/webhook_verification_key/get</c>;</item>
    /// <item>keep the components those paths and the partner webhook schemas reach through <c>$ref</c>, transitively,
    /// and the security schemes that security requirements name; drop everything else;</item>
    /// <item>apply the overlay (the project's deliberate differences), write the described references it leaves as
    /// <c>allOf</c> (<see cref="DescribedReferences"/>), apply the <see cref="CredentialPolicy"/>, then drop again
    /// whatever those left unreferenced.</item>
    /// </list>
    /// Every kept member keeps its input position, so the output order is a function of the input alone.
    /// </summary>
    internal static class Slicer
    {
        private static readonly string[] KeptTopLevel = { "openapi", "info", "servers", "tags", "security", "externalDocs", "paths", "components" };

        public static SliceResult Slice(JObject input, Overlay? overlay)
        {
            var version = CheckOpenApi3(input);
            var inputPaths = (JObject)input["paths"]!;
            var output = new JObject();
            foreach (var member in input.Properties().Where(p => KeptTopLevel.Contains(p.Name, StringComparer.Ordinal)))
            {
                output.Add(member.Name, member.Name switch
                {
                    "paths" => new JObject(inputPaths.Properties().Where(p => PartnerSubset.IsPartnerPath(p.Name)).Select(p => p.DeepClone())),
                    "servers" => KeepServers(member.Value),
                    _ => member.Value.DeepClone(),
                });
            }

            var operations = PartnerSubset.Operations((JObject)output["paths"]!).ToList();
            if (operations.Count == 0)
            {
                throw new SpecSliceException(
                    $"The input has no partner operation: no path under {string.Join(" or ", PartnerSubset.PathPrefixes)} "
                    + $"and no {string.Join(", ", PartnerSubset.SinglePaths)}.");
            }

            KeepUsedTags(output);
            Prune(output, "The input's partner subset");

            var overlayResults = overlay?.Apply(output) ?? Array.Empty<(OverlayAction, int)>();
            var describedReferences = DescribedReferences.Apply(output);
            var policy = CredentialPolicy.Apply(output);
            Prune(output, overlay is null ? "After the credential policy" : $"After the overlay ({overlay.Source}) and the credential policy");
            CheckSecuritySchemes(output);

            return new SliceResult(
                output,
                version,
                PartnerSubset.Operations(inputPaths).Count(),
                PartnerSubset.Operations((JObject)output["paths"]!).ToList(),
                ComponentNames(input, "schemas"),
                ComponentNames(output, "schemas"),
                PartnerSubset.WebhookSchemas(output).ToList(),
                (input["servers"] as JArray)?.Select(s => (string?)s["url"] ?? "?").ToList() ?? new List<string>(),
                (output["servers"] as JArray)?.Select(s => (string?)s["url"] ?? "?").ToList() ?? new List<string>(),
                overlayResults,
                describedReferences,
                policy);
        }

        /// <summary>Rebuilds <c>components</c> with only what the paths and the partner webhook schemas reach.</summary>
        private static void Prune(JObject document, string stage)
        {
            var webhooks = PartnerSubset.WebhookSchemas(document).ToHashSet(StringComparer.Ordinal);
            var roots = new List<JToken> { document["paths"]! };
            roots.AddRange(webhooks.Select(name => document["components"]!["schemas"]![name]!));
            var closure = ReferenceClosure.From(document, roots);
            closure.ThrowIfDangling(stage);

            if (document["components"] is not JObject components)
            {
                return;
            }

            var schemesInUse = SecurityRequirementNames(document);
            foreach (var kind in components.Properties().ToList())
            {
                if (kind.Value is not JObject entries)
                {
                    continue;
                }

                foreach (var entry in entries.Properties().ToList())
                {
                    var kept = kind.Name == "securitySchemes"
                        ? schemesInUse.Contains(entry.Name)
                        : closure.Contains(new ComponentKey(kind.Name, entry.Name)) || (kind.Name == "schemas" && webhooks.Contains(entry.Name));
                    if (!kept)
                    {
                        entry.Remove();
                    }
                }

                if (entries.Count == 0)
                {
                    kind.Remove();
                }
            }
        }

        private static string CheckOpenApi3(JObject input)
        {
            if (input["swagger"] is JValue swagger)
            {
                throw new SpecSliceException($"The input is Swagger/OpenAPI {swagger}, not OpenAPI 3.0: get Plaid's OpenAPI 3 file.");
            }

            if (input["openapi"] is not JValue { Type: JTokenType.String } openapi)
            {
                throw new SpecSliceException("The input is not an OpenAPI 3.0 document: it has no 'openapi: 3.0.x' member at its top level.");
            }

            var version = (string)openapi!;
            if (!version.StartsWith("3.0.", StringComparison.Ordinal) && version != "3.0")
            {
                throw new SpecSliceException($"The input is OpenAPI {version}; the slicer and the generator read OpenAPI 3.0.x only.");
            }

            if (input["paths"] is not JObject)
            {
                throw new SpecSliceException("The input has no 'paths' object.");
            }

            return version;
        }

        private static JArray KeepServers(JToken servers)
        {
            var kept = new JArray((servers as JArray ?? new JArray()).Where(PartnerSubset.IsKeptServer).Select(s => s.DeepClone()));
            if (kept.Count == 0)
            {
                throw new SpecSliceException($"The input lists neither of the servers the library uses ({string.Join(", ", PartnerSubset.ServerUrls)}).");
            }

            return kept;
        }

        private static void KeepUsedTags(JObject document)
        {
            if (document["tags"] is not JArray tags)
            {
                return;
            }

            var used = document["paths"]!.Children<JProperty>()
                .SelectMany(path => path.Value.Children<JProperty>().Where(m => PartnerSubset.Methods.Contains(m.Name, StringComparer.Ordinal)))
                .SelectMany(operation => operation.Value["tags"] as JArray ?? new JArray())
                .Select(tag => (string?)tag)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var tag in tags.Where(t => !used.Contains((string?)t["name"])).ToList())
            {
                tag.Remove();
            }

            if (tags.Count == 0)
            {
                tags.Parent!.Remove();
            }
        }

        private static HashSet<string> SecurityRequirementNames(JObject document)
        {
            var requirements = new List<JToken>();
            requirements.AddRange(document["security"] as JArray ?? new JArray());
            requirements.AddRange(document["paths"]!.Children<JProperty>()
                .SelectMany(path => path.Value.Children<JProperty>().Where(m => PartnerSubset.Methods.Contains(m.Name, StringComparer.Ordinal)))
                .SelectMany(operation => operation.Value["security"] as JArray ?? new JArray()));
            return requirements.OfType<JObject>().SelectMany(r => r.Properties().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        }

        private static void CheckSecuritySchemes(JObject document)
        {
            var defined = (document["components"]?["securitySchemes"] as JObject)?.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();
            var missing = SecurityRequirementNames(document).Where(name => !defined.Contains(name)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new SpecSliceException($"Security requirements name scheme(s) that components.securitySchemes does not define: {string.Join(", ", missing)}.");
            }
        }

        private static List<string> ComponentNames(JObject document, string kind) =>
            (document["components"]?[kind] as JObject)?.Properties().Select(p => p.Name).ToList() ?? new List<string>();
    }
}
