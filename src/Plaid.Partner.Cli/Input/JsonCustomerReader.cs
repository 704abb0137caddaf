using System.Globalization;
using System.Text.Json;

namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// A JSON file of end customers: an array of objects, each Plaid's create request body plus <c>reference</c>. Nested
    /// objects become dotted columns (<c>address.city</c>), the same names a CSV header uses.
    /// </summary>
    internal static class JsonCustomerReader
    {
        public static (IReadOnlyList<RawRow> Rows, IReadOnlyList<RowProblem> Problems) Read(string path)
        {
            using var stream = File.OpenRead(path);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                return (Array.Empty<RawRow>(), new[] { new RowProblem(0, "FILE", $"not valid JSON (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}.") });
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return (Array.Empty<RawRow>(), new[] { new RowProblem(0, "FILE", "the file must hold a JSON array with one object per end customer.") });
                }

                var rows = new List<RawRow>();
                var problems = new List<RowProblem>();
                var number = 0;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    number++;
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new RowProblem(number, "FILE", "this item is not an object."));
                        continue;
                    }

                    var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
                    Flatten(item, prefix: string.Empty, values);
                    rows.Add(new RawRow(number, values));
                }

                return (rows, problems);
            }
        }

        private static void Flatten(JsonElement element, string prefix, Dictionary<string, RawValue> values)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = prefix + property.Name;
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Object:
                        Flatten(property.Value, name + ".", values);
                        break;
                    case JsonValueKind.Array:
                        values[name] = RawValue.List(property.Value.EnumerateArray().Select(Text).ToList());
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        values[name] = RawValue.Of(Text(property.Value));
                        break;
                }
            }
        }

        // Scalars as a CSV cell would hold them; an object inside an array is kept as its JSON, which the column refuses.
        private static string Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        };
    }
}
