using System;

namespace Plaid.Partner.Emulator
{
    /// <summary>One webhook the emulator POSTed: what it sent, how it signed it, and how the receiver answered.</summary>
    public sealed class EmulatorWebhookDelivery
    {
        /// <summary>When it was sent (the signature's <c>iat</c>), or given up, by the emulator's clock.</summary>
        public DateTimeOffset SentAt { get; init; }

        /// <summary>Where it was sent.</summary>
        public Uri Url { get; init; } = null!;

        /// <summary>The exact body, as UTF-8 text: JSON indented with 2 spaces, as Plaid sends it (Plaid API docs, Webhooks › Webhook verification).</summary>
        public string Body { get; init; } = string.Empty;

        /// <summary>The <c>Plaid-Verification</c> header: an ES256 JWT whose payload holds <c>iat</c> and <c>request_body_sha256</c>.</summary>
        public string VerificationHeader { get; init; } = string.Empty;

        /// <summary>The <c>kid</c> of the key that signed it, to look up with <c>/webhook_verification_key/get</c>.</summary>
        public string KeyId { get; init; } = string.Empty;

        /// <summary>The receiver's HTTP status, or null when it could not be reached.</summary>
        public int? StatusCode { get; init; }

        /// <summary>Why the receiver could not be reached, or null.</summary>
        public string? Error { get; init; }

        /// <summary>True when the receiver answered with a 2xx status.</summary>
        public bool Delivered => StatusCode is >= 200 and < 300;

        /// <summary>The URL, key id and outcome (the body and signature are not secret but are long).</summary>
        public override string ToString() =>
            $"EmulatorWebhookDelivery {{ Url = {Url}, KeyId = {KeyId}, "
                + $"StatusCode = {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, Error = {Error ?? "(none)"} }}";
    }
}
