namespace Plaid.Partner.Cli.Input
{
    /// <summary>A CSV file of end customers: a header row of column names, then one customer per row (blank rows skipped).</summary>
    internal static class CsvCustomerReader
    {
        public static (IReadOnlyList<RawRow> Rows, IReadOnlyList<RowProblem> Problems) Read(string path)
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            string[]? header = null;
            var rows = new List<RawRow>();
            var problems = new List<RowProblem>();
            var number = 0;
            foreach (var (fields, unterminated) in CsvRecords.Read(reader))
            {
                number++;
                if (unterminated)
                {
                    problems.Add(new RowProblem(number, "FILE", "a quoted field is never closed (a \" is missing), so this row runs to the end of the file."));
                    break;
                }

                if (header is null)
                {
                    header = fields.Select(f => f.Trim()).ToArray();
                    if (header.Any(h => h.Length == 0))
                    {
                        return (rows, new[] { new RowProblem(1, "HEADER", "a column has no name in the header row.") });
                    }

                    var repeated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                    if (repeated is not null)
                    {
                        return (rows, new[] { new RowProblem(1, repeated.Key, "this column is named twice in the header row.") });
                    }

                    continue;
                }

                if (fields.All(f => f.Trim().Length == 0))
                {
                    continue;
                }

                if (fields.Count != header.Length)
                {
                    problems.Add(new RowProblem(number, "FILE", $"this row has {fields.Count} cells where the header has {header.Length}."));
                    continue;
                }

                var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < header.Length; i++)
                {
                    values[header[i]] = RawValue.Of(fields[i]);
                }

                rows.Add(new RawRow(number, values));
            }

            if (header is null)
            {
                problems.Add(new RowProblem(0, "FILE", "the file is empty; the first row must name the columns."));
            }

            return (rows, problems);
        }
    }
}
