using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>
    /// Reads a YAML or JSON file into an ordered JSON tree. YAML is parsed by YamlDotNet; plain scalars become numbers,
    /// booleans or null the way YAML resolves them, quoted ones stay strings (so <c>'200'</c> and <c>'12345'</c> do).
    /// </summary>
    internal static class SpecReader
    {
        private static readonly IDeserializer Yaml = new DeserializerBuilder()
            .WithAttemptingUnquotedStringTypeDeserialization()
            .WithDuplicateKeyChecking()
            .Build();

        public static JObject ReadFile(string path, string what)
        {
            if (!File.Exists(path))
            {
                throw new SpecSliceException($"{what} '{path}' does not exist.");
            }

            return Read(File.ReadAllText(path), $"{what} '{path}'");
        }

        public static JObject Read(string text, string source)
        {
            var root = LooksLikeJson(text) ? ParseJson(text, source) : ParseYaml(text, source);
            return root as JObject ?? throw new SpecSliceException($"{source} is not a YAML or JSON object at its top level.");
        }

        /// <summary>Whether <paramref name="plain"/>, written as a plain YAML scalar, reads back as that same string.</summary>
        public static bool ReadsBackAsString(string plain)
        {
            try
            {
                return Yaml.Deserialize<object>(plain) is string read && read == plain;
            }
            catch (YamlException)
            {
                return false;
            }
        }

        private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{');

        private static JToken ParseJson(string text, string source)
        {
            try
            {
                // Dates stay strings: the tree must hold exactly what the file says.
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                return JToken.ReadFrom(reader);
            }
            catch (JsonReaderException e)
            {
                throw new SpecSliceException($"{source} is not valid JSON: {e.Message}", e);
            }
        }

        private static JToken ParseYaml(string text, string source)
        {
            object? graph;
            try
            {
                graph = Yaml.Deserialize<object>(text);
            }
            catch (YamlException e)
            {
                throw new SpecSliceException($"{source} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.InnerException?.Message ?? e.Message}", e);
            }

            return ToToken(graph);
        }

        // YamlDotNet fills its dictionaries in document order and the tree never removes from them, so order is kept.
        private static JToken ToToken(object? value) => value switch
        {
            null => JValue.CreateNull(),
            IDictionary<object, object?> mapping => new JObject(mapping.Select(entry => new JProperty(Key(entry.Key), ToToken(entry.Value)))),
            IList<object?> sequence => new JArray(sequence.Select(ToToken)),
            _ => new JValue(value),
        };

        private static string Key(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
