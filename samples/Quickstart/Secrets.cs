namespace Plaid.Partner.Quickstart
{
    /// <summary>Secrets are shown only as their last 4 characters.</summary>
    internal static class Secrets
    {
        public static string Mask(string? secret) =>
            string.IsNullOrEmpty(secret) ? "(none)" : secret.Length < 8 ? "****" : "****" + secret[^4..];
    }
}
