namespace Plaid.Partner.Internal
{
    /// <summary>
    /// What a span tag, a log line or an exception message may show of a short field of a response body
    /// (<c>error_type</c>, <c>error_code</c>, <c>request_id</c>): whoever answered chose it, a proxy or a server echoing the
    /// request included, so the partner secret is redacted first and the rest cut and escaped (<see cref="UntrustedText.Clamp"/>).
    /// </summary>
    internal static class ResponseFieldText
    {
        /// <summary>The value fit to show; the same instance for what Plaid sends (short, plain, no secret).</summary>
        public static string? Of(string? value, string? secret) =>
            value is null ? null : UntrustedText.Clamp(SecretRedactor.Redact(value, secret));
    }
}
