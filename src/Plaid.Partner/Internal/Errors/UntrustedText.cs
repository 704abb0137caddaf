using System.Globalization;
using System.Text;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Makes a value someone else chose (a webhook's header, a field of a response body) safe to put in one log line, a
    /// span tag or an exception message: cut to 64 characters and with the characters that could forge a line escaped.
    /// </summary>
    internal static class UntrustedText
    {
        private const int MaxLength = 64;

        /// <summary>Quotes <paramref name="value"/>, cut to 64 characters, with control characters escaped so a forger cannot forge log lines.</summary>
        public static string Quote(string? value)
        {
            if (value is null)
            {
                return "(none)";
            }

            var text = new StringBuilder(MaxLength + 8).Append('"');
            AppendEscaped(text, value);
            text.Append('"');
            AppendCut(text, value);
            return text.ToString();
        }

        /// <summary>
        /// <paramref name="value"/> unquoted (for a tag or a field of a message), escaped and cut as <see cref="Quote"/>
        /// does; the same instance when it needs neither, which is what Plaid sends.
        /// </summary>
        public static string? Clamp(string? value)
        {
            if (value is null || IsPlain(value))
            {
                return value;
            }

            var text = new StringBuilder(MaxLength + 24);
            AppendEscaped(text, value);
            AppendCut(text, value);
            return text.ToString();
        }

        private static bool IsPlain(string value)
        {
            if (value.Length > MaxLength)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (NeedsEscape(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static void AppendEscaped(StringBuilder text, string value)
        {
            for (var i = 0; i < value.Length && i < MaxLength; i++)
            {
                var c = value[i];
                if (NeedsEscape(c))
                {
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }
            }
        }

        private static void AppendCut(StringBuilder text, string value)
        {
            if (value.Length > MaxLength)
            {
                text.Append("… (").Append(value.Length).Append(" characters)");
            }
        }

        // Line breaks of every kind, and invisible format characters (bidirectional overrides) that make a line read
        // otherwise than it is; quotes and backslashes so a quoted value cannot close its quotes.
        private static bool NeedsEscape(char c) =>
            char.IsControl(c) || c == '"' || c == '\\' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
