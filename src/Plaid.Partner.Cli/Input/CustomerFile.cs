namespace Plaid.Partner.Cli.Input
{
    /// <summary>Reads a CSV or JSON file of end customers into rows, by its extension (.csv, .json).</summary>
    internal static class CustomerFile
    {
        private static (IReadOnlyList<RawRow>, IReadOnlyList<RowProblem>) Fail(int row, string column, string reason) =>
            (Array.Empty<RawRow>(), new[] { new RowProblem(row, column, reason) });

        /// <summary>The rows read, and the problems of rows that could not be read (row 0: the whole file).</summary>
        public static (IReadOnlyList<RawRow> Rows, IReadOnlyList<RowProblem> Problems) Read(string path)
        {
            if (!File.Exists(path))
            {
                return Fail(0, "FILE", $"'{path}' does not exist.");
            }

            var extension = Path.GetExtension(path).ToUpperInvariant();
            try
            {
                return extension switch
                {
                    ".CSV" => CsvCustomerReader.Read(path),
                    ".JSON" => JsonCustomerReader.Read(path),
                    _ => Fail(0, "FILE", $"'{Path.GetFileName(path)}' is neither .csv nor .json."),
                };
            }
            catch (IOException e)
            {
                return Fail(0, "FILE", $"'{path}' could not be read: {e.Message}");
            }
            catch (UnauthorizedAccessException)
            {
                return Fail(0, "FILE", $"'{path}' may not be read by this user.");
            }
        }
    }
}
