using System;
using System.Buffers.Text;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Base64url decoding (RFC 4648 §5, no padding) that refuses anything else: the decoder itself is the platform's
    /// <see cref="Base64Url"/>, which on its own also skips white space and accepts padding.
    /// </summary>
    internal static class StrictBase64Url
    {
        public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
        {
            bytes = Array.Empty<byte>();
            foreach (var c in text)
            {
                var allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!allowed)
                {
                    return false;
                }
            }

            try
            {
                bytes = Base64Url.DecodeFromChars(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
