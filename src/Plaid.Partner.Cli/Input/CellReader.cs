using System.Globalization;
using System.Net.Mail;

namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// Reads the cells of one row, each by its kind (text, yes/no, e-mail, web address, list), and collects a problem
    /// per bad cell instead of stopping at the first, so a user fixes a file in one pass.
    /// </summary>
    internal sealed class CellReader
    {
        private static readonly char[] ListSeparators = { ';', '|', ' ' };
        private readonly RawRow _row;
        private readonly List<RowProblem> _problems;

        public CellReader(RawRow row, List<RowProblem> problems)
        {
            _row = row;
            _problems = problems;
        }

        /// <summary>The trimmed text, or null when the cell is absent or blank (and a problem if it is required).</summary>
        public string? Text(string column, bool required = false, int maxLength = 1000)
        {
            var value = _row.Values.TryGetValue(column, out var cell) ? cell : null;
            if (value?.Items is not null)
            {
                return Problem(column, "must be one value, not a list.");
            }

            var text = value?.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return required ? Problem(column, "is required and empty.") : null;
            }

            if (text.Any(char.IsControl))
            {
                return Problem(column, "contains a control character (a tab or line break).");
            }

            return text.Length > maxLength ? Problem(column, $"is {text.Length} characters long; at most {maxLength}.") : text;
        }

        public bool? YesNo(string column, bool required = false)
        {
            var text = Text(column, required);
            switch (text?.ToUpperInvariant())
            {
                case null:
                    return null;
                case "TRUE" or "YES" or "Y" or "1":
                    return true;
                case "FALSE" or "NO" or "N" or "0":
                    return false;
                default:
                    Problem(column, $"'{text}' is not true or false.");
                    return null;
            }
        }

        public string? Email(string column)
        {
            var text = Text(column);
            return text is null || (MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal))
                ? text
                : Problem(column, $"'{text}' is not an e-mail address.");
        }

        public string? WebAddress(string column, bool required = false)
        {
            var text = Text(column, required);
            return text is null || IsWebAddress(text) ? text : Problem(column, $"'{text}' is not a web address such as https://example.com.");
        }

        public double? Amount(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount)
                ? amount
                : Problem<double?>(column, $"'{text}' is not an amount such as 1500000.50.");
        }

        /// <summary>Letters only, of the given length, in upper case (country and currency codes).</summary>
        public string? Code(string column, int length, string example)
        {
            var text = Text(column);
            return text is null || (text.Length == length && text.All(char.IsAsciiLetter))
                ? text?.ToUpperInvariant()
                : Problem(column, $"'{text}' is not a {length}-letter code such as {example}.");
        }

        /// <summary>A JSON array's items, or a cell's items separated by ';', '|' or spaces.</summary>
        public IReadOnlyList<string> List(string column)
        {
            if (!_row.Values.TryGetValue(column, out var value))
            {
                return Array.Empty<string>();
            }

            var items = value.Items ?? (value.Text ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
            return items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        }

        public string? Problem(string column, string reason) => Problem<string?>(column, reason);

        private static bool IsWebAddress(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal);

        private T Problem<T>(string column, string reason)
        {
            _problems.Add(new RowProblem(_row.Number, column, reason));
            return default!;
        }
    }
}
