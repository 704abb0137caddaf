using System;
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

        // A member holds a key when its name contains this word, or is one of the per-environment keys inside "secrets".
        private const string SecretWord = "secret";

        private static readonly string[] EnvironmentKeyNames = { "sandbox", "production", "development" };

        // "…secret…": "value"  and the per-environment keys inside "secrets": { "sandbox": "…", "production": "…" }.
        private static readonly Regex SecretMember = new(
            "\"(?<name>[^\"]*" + SecretWord + "[^\"]*|" + string.Join("|", EnvironmentKeyNames) + ")\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));

        /// <summary>
        /// True when <see cref="Redact"/> might change <paramref name="text"/>: it holds the known secret, or a quote and a
        /// word that names a secret member. False is certain: such text may be shown as it is.
        /// </summary>
        public static bool WouldChange(string? text, string? knownSecret) =>
            Contains(text, knownSecret) || (text is not null && text.IndexOf('"') >= 0 && NamesASecretMember(text));

        /// <summary>True when <paramref name="text"/> holds <paramref name="knownSecret"/>, compared as <see cref="Redact"/> replaces it.</summary>
        public static bool Contains(string? text, string? knownSecret) =>
            !string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(knownSecret) && text!.IndexOf(knownSecret, StringComparison.Ordinal) >= 0;

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

            // Every JSON member the pattern looks for starts with a quote and names one of its words: short fields such as
            // a request id have no quote, and a Plaid error body names none of them, so neither runs the pattern.
            if (result.IndexOf('"') < 0 || !NamesASecretMember(result))
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

        /// <summary>True when a JSON member named <paramref name="name"/> holds a key, by the names the pattern looks for.</summary>
        public static bool IsSecretMemberName(string name)
        {
            if (name.IndexOf(SecretWord, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (var key in EnvironmentKeyNames)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // The words SecretMember's member names contain, compared as its IgnoreCase does for these letters.
        private static bool NamesASecretMember(string text)
        {
            if (text.IndexOf(SecretWord, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (var key in EnvironmentKeyNames)
            {
                if (text.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
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
            var shown = redacted.ToCharArray(0, Math.Min(redacted.Length, maxLength));
            for (var i = 0; i < shown.Length; i++)
            {
                if (char.IsControl(shown[i]))
                {
                    shown[i] = ' ';
                }
            }

            var excerpt = new string(shown);
            return redacted.Length > maxLength ? excerpt + "… (" + (redacted.Length - maxLength) + " more characters)" : excerpt;
        }
    }
}
