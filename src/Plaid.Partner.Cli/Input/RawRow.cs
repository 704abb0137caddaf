namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// One end customer as read from the file, before any check: each column's text (a CSV cell, or a JSON value written
    /// as text), keyed by the column's name. Lists (products, redirect_uris) are one text each, split by the validator.
    /// </summary>
    internal sealed record RawRow(int Number, IReadOnlyDictionary<string, RawValue> Values);

    /// <summary>A cell: its text, or the items of a JSON array.</summary>
    internal sealed record RawValue(string? Text, IReadOnlyList<string>? Items)
    {
        public static RawValue Of(string text) => new(text, null);

        public static RawValue List(IReadOnlyList<string> items) => new(null, items);
    }
}
