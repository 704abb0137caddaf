using System.Text;

namespace Plaid.Partner.Internal
{
    /// <summary>Makes a value taken from an unverified request safe to put in one log line.</summary>
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
            for (var i = 0; i < value.Length && i < MaxLength; i++)
            {
                var c = value[i];
                if (char.IsControl(c) || c == '"' || c == '\\')
                {
                    text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }
            }

            text.Append('"');
            if (value.Length > MaxLength)
            {
                text.Append("… (").Append(value.Length).Append(" characters)");
            }

            return text.ToString();
        }
    }
}
