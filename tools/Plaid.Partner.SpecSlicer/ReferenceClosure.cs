using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// The components reached from some roots by following every <c>$ref</c>, transitively. The walk is generic: any
    /// object with a string <c>$ref</c> member counts, wherever it sits (properties, items, allOf/oneOf/anyOf/not,
    /// additionalProperties, parameters, request bodies, responses, headers, examples, links, callbacks), so no
    /// OpenAPI keyword can be forgotten. Cycles are followed once. References that do not resolve are collected.
    /// </summary>
    internal sealed class ReferenceClosure
    {
        private readonly JObject _document;
        private readonly HashSet<ComponentKey> _reached = new();
        private readonly List<string> _dangling = new();

        private ReferenceClosure(JObject document)
        {
            _document = document;
        }

        /// <summary>The components reached (unordered; the output keeps the input order).</summary>
        public IReadOnlyCollection<ComponentKey> Reached => _reached;

        /// <summary>One line per reference that does not resolve: the reference and where it is used.</summary>
        public IReadOnlyList<string> Dangling => _dangling;

        public static ReferenceClosure From(JObject document, IEnumerable<JToken> roots)
        {
            var closure = new ReferenceClosure(document);
            foreach (var root in roots)
            {
                closure.Walk(root);
            }

            return closure;
        }

        public bool Contains(ComponentKey key) => _reached.Contains(key);

        /// <summary>Throws when a reference does not resolve, listing every one of them.</summary>
        public void ThrowIfDangling(string stage)
        {
            if (_dangling.Count > 0)
            {
                throw new SpecSliceException($"{stage}: {_dangling.Count} $ref(s) do not resolve:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _dangling));
            }
        }

        /// <summary>The component a local reference names, or null (and a dangling entry) when it cannot be resolved.</summary>
        public static ComponentKey? Resolve(JObject document, string reference, out string? problem)
        {
            problem = null;
            var segments = JsonPointer.LocalSegments(reference);
            if (segments is null)
            {
                problem = "only local references (#/components/...) are supported";
                return null;
            }

            if (segments.Count < 3 || segments[0] != "components")
            {
                problem = "only references into #/components/<kind>/<name> are supported";
                return null;
            }

            var target = document["components"]?[segments[1]]?[segments[2]];
            if (target is null)
            {
                problem = $"there is no {segments[1]} component named '{segments[2]}'";
                return null;
            }

            foreach (var segment in segments.Skip(3))
            {
                target = target switch
                {
                    JObject o => o[segment],
                    JArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count => a[index],
                    _ => null,
                };
                if (target is null)
                {
                    problem = $"'{segment}' does not exist inside {segments[1]}/{segments[2]}";
                    return null;
                }
            }

            return new ComponentKey(segments[1], segments[2]);
        }

        private void Walk(JToken start)
        {
            var pending = new Stack<JToken>();
            pending.Push(start);
            while (pending.Count > 0)
            {
                var token = pending.Pop();
                if (token is JObject node && node["$ref"] is JValue { Type: JTokenType.String } reference)
                {
                    var key = Resolve(_document, (string)reference!, out var problem);
                    if (key is null)
                    {
                        _dangling.Add($"'{reference}' at {JsonPointer.Of(node)}: {problem}");
                    }
                    else if (_reached.Add(key.Value))
                    {
                        pending.Push(_document["components"]![key.Value.Kind]![key.Value.Name]!);
                    }
                }

                if (token is JContainer container)
                {
                    foreach (var child in container.Children().Reverse())
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
