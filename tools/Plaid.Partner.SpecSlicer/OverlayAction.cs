using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>One overlay action: a JSONPath target and either an update to merge or a removal.</summary>
    internal sealed class OverlayAction
    {
        private OverlayAction(string name, string target, string? description, JToken? update, bool remove)
        {
            Name = name;
            Target = target;
            Description = description;
            Update = update;
            Remove = remove;
        }

        /// <summary>Where the action is, for messages: "openapi/plaid-partner.overlay.yml action 3".</summary>
        public string Name { get; }

        public string Target { get; }

        public string? Description { get; }

        public JToken? Update { get; }

        public bool Remove { get; }

        public static OverlayAction Parse(JToken action, string name)
        {
            if (action is not JObject body || body["target"] is not JValue { Type: JTokenType.String } target || string.IsNullOrWhiteSpace((string?)target))
            {
                throw new SpecSliceException($"{name} needs a 'target' JSONPath.");
            }

            var remove = body["remove"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
            var update = body["update"];
            if (remove == (update is not null))
            {
                throw new SpecSliceException($"{name} ('{target}') needs exactly one of 'update' or 'remove: true'.");
            }

            return new OverlayAction(name, (string)target!, (string?)body["description"], update, remove);
        }
    }
}
