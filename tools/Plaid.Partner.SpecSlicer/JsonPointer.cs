using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>JSON Pointers (RFC 6901) as OpenAPI's <c>$ref</c> uses them, and the pointer of a node for messages.</summary>
    internal static class JsonPointer
    {
        /// <summary>The segments of a local reference <c>#/a/b~1c</c>, unescaped; null when it is not a local reference.</summary>
        public static IReadOnlyList<string>? LocalSegments(string reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            return reference[2..]
                .Split('/')
                .Select(segment => Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .ToArray();
        }

        /// <summary>Where <paramref name="token"/> sits in its document, as <c>#/paths/~1partner~1customer~1get/post</c>.</summary>
        public static string Of(JToken token)
        {
            var segments = new List<string>();
            var node = token;
            while (node.Parent is { } parent)
            {
                switch (parent)
                {
                    case JProperty property:
                        segments.Add(Escape(property.Name));
                        node = property.Parent ?? property;
                        if (property.Parent is null)
                        {
                            return Join(segments);
                        }

                        break;
                    case JArray array:
                        segments.Add(array.IndexOf(node).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        node = array;
                        break;
                    default:
                        node = parent;
                        break;
                }
            }

            return Join(segments);
        }

        private static string Join(List<string> segments)
        {
            segments.Reverse();
            return "#/" + string.Join('/', segments);
        }

        private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }
}
