using System.Security.Cryptography;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>Random identifiers shaped like Plaid's (Plaid's examples in Plaid API docs, Partner: 24-character client_id, 15-character request_id, 30-character secrets).</summary>
    internal static class RandomIds
    {
        private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
        private const string MixedAlphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        public static string ClientId() => RandomNumberGenerator.GetString(LowerAlphanumeric, 24);

        public static string Secret() => RandomNumberGenerator.GetString(LowerAlphanumeric, 30);

        public static string RequestId() => RandomNumberGenerator.GetString(MixedAlphanumeric, 15);

        /// <summary>The console's per-run token: 43 characters of 62, about 256 bits.</summary>
        public static string ConsoleToken() => RandomNumberGenerator.GetString(MixedAlphanumeric, 43);
    }
}
