using System;
using System.Globalization;
using System.Text.Encodings.Web;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// Escaping for the console: every value that reaches the page goes through <see cref="Text"/>, which encodes
    /// <c>&lt; &gt; &amp; " '</c> and everything outside ASCII, so it is safe in element content and in quoted
    /// attributes alike. Customer and application names are whatever a Plaid call sent.
    /// </summary>
    internal static class Html
    {
        public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

        public static string Time(DateTimeOffset value) =>
            $"<time datetime=\"{value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">"
                + $"{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>";

        /// <summary>A status as a coloured badge; the class is made of the status's letters only.</summary>
        public static string Badge(string status)
        {
            var css = new System.Text.StringBuilder("badge s-");
            foreach (var c in status)
            {
                css.Append(char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : '-');
            }

            return $"<span class=\"{css}\">{Text(status)}</span>";
        }
    }
}
