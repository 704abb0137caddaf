using System;
using System.Collections.Generic;
using System.Globalization;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// One webhook the emulator delivers, as it stood when this copy was taken: what it sends, every attempt so far and
    /// the receiver's answer to each, and when it tries again (Plaid's schedule: the emulator's README, "Webhook delivery").
    /// </summary>
    public sealed class EmulatorWebhookDelivery
    {
        /// <summary>The emulator's id for this delivery, e.g. <c>wh_000003</c>: what <see cref="PlaidPartnerEmulator.ResendWebhookAsync"/> takes.</summary>
        public string Id { get; init; } = string.Empty;

        /// <summary>When its first attempt was made (the first signature's <c>iat</c>), or when it was queued if none was yet, by the emulator's clock.</summary>
        public DateTimeOffset SentAt { get; init; }

        /// <summary>Where it is sent.</summary>
        public Uri Url { get; init; } = null!;

        /// <summary>The exact body, as UTF-8 text: JSON indented with 2 spaces, as Plaid sends it (Plaid API docs, Webhooks › Webhook verification).</summary>
        public string Body { get; init; } = string.Empty;

        /// <summary>The latest attempt's <c>Plaid-Verification</c> header: an ES256 JWT whose payload holds <c>iat</c> and <c>request_body_sha256</c>.</summary>
        public string VerificationHeader { get; init; } = string.Empty;

        /// <summary>The <c>kid</c> of the key that signed the latest attempt, to look up with <c>/webhook_verification_key/get</c>.</summary>
        public string KeyId { get; init; } = string.Empty;

        /// <summary>The receiver's HTTP status to the latest attempt, or null when it was not reached (or no attempt was made yet).</summary>
        public int? StatusCode { get; init; }

        /// <summary>Why the latest attempt did not reach the receiver, or null.</summary>
        public string? Error { get; init; }

        /// <summary>Every attempt so far, oldest first.</summary>
        public IReadOnlyList<EmulatorWebhookAttempt> Attempts { get; init; } = Array.Empty<EmulatorWebhookAttempt>();

        /// <summary>Where the delivery stands: held back, waiting for an attempt, delivered, or given up.</summary>
        public EmulatorWebhookDeliveryState State { get; init; }

        /// <summary>When the next attempt is due by the emulator's clock, or null when none is.</summary>
        public DateTimeOffset? NextAttemptAt { get; init; }

        /// <summary>Why no more attempts are made (24 hours passed, or the receiver refused more than 90% of its webhooks), or null.</summary>
        public string? GivenUpReason { get; init; }

        /// <summary>For a copy sent by a fault (send twice) or a re-send, the id of the delivery it copies; otherwise null.</summary>
        public string? CopyOf { get; init; }

        /// <summary>True when the receiver answered an attempt with a 2xx status.</summary>
        public bool Delivered => State == EmulatorWebhookDeliveryState.Delivered;

        /// <summary>The id, URL, key id and outcome (the body and signature are not secret but are long).</summary>
        public override string ToString() =>
            $"EmulatorWebhookDelivery {{ Id = {Id}, Url = {Url}, KeyId = {KeyId}, State = {State}, Attempts = {Attempts.Count.ToString(CultureInfo.InvariantCulture)}, "
                + $"StatusCode = {StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, Error = {Error ?? "(none)"} }}";
    }
}
