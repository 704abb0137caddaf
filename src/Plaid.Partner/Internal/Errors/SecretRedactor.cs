using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Removes secrets from text that may end up in an exception message or a log: the configured secret wherever it
    /// occurs, and the string value of any JSON member that holds a key (<c>secret</c>, <c>production_secret</c>,
    /// the members of <c>secrets</c>), even in truncated JSON.
    /// </summary>
    internal static class SecretRedactor
    {
        public const string Redacted = "[REDACTED]";

        public const int DefaultSnippetLength = 256;

        // "…secret…": "value"  and the per-environment keys inside "secrets": { "sandbox": "…", "production": "…" }.
        private static readonly Regex SecretMember = new(
            "\"(?<name>[^\"]*secret[^\"]*|sandbox|production|development)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));

        public static string Redact(string text, string? knownSecret)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var result = text;
            if (!string.IsNullOrEmpty(knownSecret))
            {
                // string.Replace(string, string) is ordinal on every framework (netstandard2.0 has no StringComparison overload).
                result = result.Replace(knownSecret, Redacted);
            }

            // Every JSON member the pattern looks for starts with a quote: short fields such as a request id have none.
            if (result.IndexOf('"') < 0)
            {
                return result;
            }

            try
            {
                return SecretMember.Replace(result, m => $"\"{m.Groups["name"].Value}\": \"{Redacted}\"");
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: say nothing of it rather than risk showing a secret.
                return "[body withheld: it could not be checked for secrets]";
            }
        }

        /// <summary>A redacted, single-line excerpt of at most <paramref name="maxLength"/> characters; null for an empty body.</summary>
        public static string? Snippet(string? body, string? knownSecret, int maxLength = DefaultSnippetLength)
        {
            if (string.IsNullOrEmpty(body))
            {
                return null;
            }

            // Redact the whole body first so that cutting it cannot leave part of a secret behind.
            var redacted = Redact(body, knownSecret);
            var builder = new StringBuilder(Math.Min(redacted.Length, maxLength) + 32);
            var shown = 0;
            foreach (var c in redacted)
            {
                if (shown == maxLength)
                {
                    break;
                }

                builder.Append(char.IsControl(c) ? ' ' : c);
                shown++;
            }

            if (redacted.Length > maxLength)
            {
                builder.Append("… (").Append(redacted.Length - maxLength).Append(" more characters)");
            }

            return builder.ToString();
        }
    }
}
