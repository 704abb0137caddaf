using System;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>The outcome of <see cref="PlaidWebhookVerifier.VerifyAsync"/>: verified, or why not.</summary>
    public sealed class WebhookVerificationResult
    {
        private WebhookVerificationResult(WebhookVerificationFailureReason? failureReason, string message, string? keyId, DateTimeOffset? issuedAt)
        {
            FailureReason = failureReason;
            Message = message;
            KeyId = keyId;
            IssuedAt = issuedAt;
        }

        /// <summary>True when the body was signed by Plaid, unaltered, within the last five minutes.</summary>
        public bool IsVerified => FailureReason is null;

        /// <summary>Why verification failed; null when <see cref="IsVerified"/>.</summary>
        public WebhookVerificationFailureReason? FailureReason { get; }

        /// <summary>
        /// One line for a log: what was checked and what was wrong. Values copied from the request are shortened and
        /// stripped of control characters, because the request may come from anyone.
        /// </summary>
        public string Message { get; }

        /// <summary>The <c>kid</c> from the JWT header, once it was read (as received, so not trusted unless <see cref="IsVerified"/>).</summary>
        public string? KeyId { get; }

        /// <summary>When Plaid signed the webhook (the <c>iat</c> claim); set only when <see cref="IsVerified"/>.</summary>
        public DateTimeOffset? IssuedAt { get; }

        /// <summary>The reason (or <c>Verified</c>) and the message.</summary>
        public override string ToString() => $"{(FailureReason?.ToString() ?? "Verified")}: {Message}";

        internal static WebhookVerificationResult Verified(string keyId, DateTimeOffset issuedAt) =>
            new(null, $"signed by Plaid key {UntrustedText.Quote(keyId)} at {issuedAt:u}", keyId, issuedAt);

        internal static WebhookVerificationResult Failed(WebhookVerificationFailureReason reason, string message, string? keyId = null) =>
            new(reason, message, keyId, null);
    }
}
