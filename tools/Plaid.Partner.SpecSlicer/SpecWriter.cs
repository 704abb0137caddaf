using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// Writes the tree as YAML in one canonical layout, so the same tree always gives the same bytes: block style,
    /// two-space indentation with indented sequences, LF line ends, long or multi-line strings folded at 80 columns,
    /// and quotes only where a plain scalar would be read back as something other than the string.
    /// </summary>
    internal static partial class SpecWriter
    {
        private const int FoldAbove = 80;

        public static string Write(JObject document)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var stream = new YamlStream(new YamlDocument(ToNode(document)));
            stream.Save(new Emitter(text, new EmitterSettings().WithIndentedSequences().WithBestWidth(FoldAbove)), assignAnchors: false);

            var yaml = StripDocumentEnd(text.ToString());

            // The YAML must read back as the very tree it was written from; anything else is a bug here, not in the spec.
            if (!JToken.DeepEquals(SpecReader.Read(yaml, "the written YAML"), document))
            {
                throw new SpecSliceException("Internal error: the written YAML does not read back as the sliced document.");
            }

            return yaml;
        }

        // YamlDotNet ends a saved stream with the "..." document-end marker; a single-document file does not need it.
        private static string StripDocumentEnd(string yaml)
        {
            const string end = "...\n";
            return yaml.EndsWith(end, StringComparison.Ordinal) ? yaml[..^end.Length] : yaml;
        }

        private static YamlNode ToNode(JToken token) => token switch
        {
            JObject { Count: 0 } => new YamlMappingNode { Style = MappingStyle.Flow },
            JObject mapping => new YamlMappingNode(mapping.Properties().Select(p => new KeyValuePair<YamlNode, YamlNode>(Key(p.Name), ToNode(p.Value)))),
            JArray { Count: 0 } => new YamlSequenceNode { Style = SequenceStyle.Flow },
            JArray sequence => new YamlSequenceNode(sequence.Select(ToNode)),
            JValue { Type: JTokenType.Null } => new YamlScalarNode("null"),
            JValue { Type: JTokenType.Boolean } flag => new YamlScalarNode((bool)flag ? "true" : "false"),
            JValue { Type: JTokenType.String } text => Text((string)text!),
            JValue number => new YamlScalarNode(Convert.ToString(number.Value, CultureInfo.InvariantCulture)),
            _ => throw new SpecSliceException($"Cannot write a {token.Type} at {token.Path} as YAML."),
        };

        private static YamlScalarNode Text(string value)
        {
            // The emitter still picks a quoted style whenever folding cannot represent the string exactly.
            if (value.Contains('\n', StringComparison.Ordinal) || value.Length > FoldAbove)
            {
                return new YamlScalarNode(value) { Style = ScalarStyle.Folded };
            }

            return Key(value);
        }

        private static YamlScalarNode Key(string value)
        {
            return ReadsAsSomethingElse().IsMatch(value) || !SpecReader.ReadsBackAsString(value)
                ? new YamlScalarNode(value) { Style = ScalarStyle.SingleQuoted }
                : new YamlScalarNode(value);
        }

        // Strings that a YAML 1.1 or 1.2 reader would take as a number, date, boolean or null when written plain.
        [GeneratedRegex(
            @"^(?:[-+.]?[0-9][0-9_:.eExXoObB+\-]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL"
            + @"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|)$")]
        private static partial Regex ReadsAsSomethingElse();
    }
}
