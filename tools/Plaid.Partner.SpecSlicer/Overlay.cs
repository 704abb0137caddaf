using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// The project's deliberate differences from Plaid's file, written down as data (openapi/plaid-partner.overlay.yml)
    /// in the shape of the OpenAPI Overlay Specification 1.0: an ordered list of actions, each a JSONPath
    /// <c>target</c> with either an <c>update</c> (deep-merged into every object the target selects; arrays are merged
    /// as a union, so applying an action twice changes nothing) or <c>remove: true</c>. A target that selects nothing
    /// is not an error, because the slicer also runs on its own output, where the differences are already applied;
    /// the summary lists such actions so a reviewer can see one that no longer matches Plaid's file.
    /// </summary>
    internal sealed class Overlay
    {
        private static readonly JsonMergeSettings Merge = new()
        {
            MergeArrayHandling = MergeArrayHandling.Union,
            MergeNullValueHandling = MergeNullValueHandling.Merge,
        };

        private Overlay(string source, IReadOnlyList<OverlayAction> actions)
        {
            Source = source;
            Actions = actions;
        }

        public string Source { get; }

        public IReadOnlyList<OverlayAction> Actions { get; }

        public static Overlay Load(string path) => Parse(SpecReader.ReadFile(path, "The overlay"), path);

        public static Overlay Parse(JObject overlay, string source)
        {
            if (overlay["overlay"] is not JValue { Type: JTokenType.String } version || !((string)version!).StartsWith("1.", StringComparison.Ordinal))
            {
                throw new SpecSliceException($"{source} is not an overlay: it needs 'overlay: 1.0.0' at its top level.");
            }

            if (overlay["actions"] is not JArray actions)
            {
                throw new SpecSliceException($"{source} has no 'actions' list.");
            }

            return new Overlay(source, actions.Select((action, index) => OverlayAction.Parse(action, $"{source} action {index + 1}")).ToList());
        }

        /// <summary>Applies every action in order; returns, per action, how many nodes its target selected.</summary>
        public IReadOnlyList<(OverlayAction Action, int Matched)> Apply(JObject document)
        {
            var results = new List<(OverlayAction, int)>();
            foreach (var action in Actions)
            {
                List<JToken> targets;
                try
                {
                    targets = document.SelectTokens(action.Target).ToList();
                }
                catch (JsonException e)
                {
                    throw new SpecSliceException($"{action.Name}: target '{action.Target}' is not a JSONPath this overlay can evaluate: {e.Message}", e);
                }

                foreach (var target in targets)
                {
                    if (action.Remove)
                    {
                        RemoveNode(target, action);
                    }
                    else
                    {
                        Update(target, action);
                    }
                }

                results.Add((action, targets.Count));
            }

            return results;
        }

        private static void RemoveNode(JToken target, OverlayAction action)
        {
            switch (target.Parent)
            {
                case JProperty property:
                    property.Remove();
                    break;
                case JArray:
                    target.Remove();
                    break;
                default:
                    throw new SpecSliceException($"{action.Name}: '{action.Target}' selects the document itself, which cannot be removed.");
            }
        }

        private static void Update(JToken target, OverlayAction action)
        {
            switch (target)
            {
                case JObject targetObject when action.Update is JObject update:
                    targetObject.Merge(update.DeepClone(), Merge);
                    break;
                case JArray targetArray:
                    foreach (var item in action.Update is JArray items ? items : new JArray(action.Update!.DeepClone()))
                    {
                        if (!targetArray.Any(existing => JToken.DeepEquals(existing, item)))
                        {
                            targetArray.Add(item.DeepClone());
                        }
                    }

                    break;
                default:
                    throw new SpecSliceException(
                        $"{action.Name}: '{action.Target}' selects {JsonPointer.Of(target)}, a {target.Type}; "
                        + "an update needs an object target (with an object update) or an array target.");
            }
        }
    }
}
