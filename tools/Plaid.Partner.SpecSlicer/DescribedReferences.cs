using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// OpenAPI 3.0 ignores every member beside a <c>$ref</c>, so a property's own description (the overlay adds one to
    /// most referenced members, which Plaid's file leaves bare) is written as <c>allOf: [$ref]</c> with the description
    /// beside it, the form 3.0 honours and NSwag reads. Only property schemas are rewritten; the <c>$ref</c> moves to the
    /// end, after the members that were beside it.
    /// </summary>
    internal static class DescribedReferences
    {
        /// <summary>Rewrites every property schema that has a <c>$ref</c> and other members; returns how many.</summary>
        public static int Apply(JObject document)
        {
            var described = document.Descendants().OfType<JProperty>()
                .Where(p => p.Name == "properties" && p.Value is JObject)
                .SelectMany(p => ((JObject)p.Value).Properties().Select(member => member.Value).OfType<JObject>())
                .Where(schema => schema.Property("$ref") is { Value: JValue { Type: JTokenType.String } } && schema.Count > 1)
                .ToList();
            foreach (var schema in described)
            {
                var reference = schema.Property("$ref")!;
                reference.Remove();
                schema.Add("allOf", new JArray(new JObject(reference)));
            }

            return described.Count;
        }

        /// <summary>
        /// True for the <c>allOf</c> this rule writes: one <c>$ref</c> and no properties of its own. It composes nothing,
        /// so the referenced schema is used on its own, not as a member of a composition.
        /// </summary>
        public static bool IsDescribedReference(JObject schema) =>
            schema["allOf"] is JArray { Count: 1 } members
            && members[0] is JObject { Count: 1 } member && member["$ref"] is JValue { Type: JTokenType.String }
            && schema["properties"] is null && schema["additionalProperties"] is null && schema["anyOf"] is null && schema["oneOf"] is null;
    }
}
