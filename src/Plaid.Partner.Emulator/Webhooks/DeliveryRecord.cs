using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>One webhook's delivery as it goes; only <see cref="WebhookDispatcher"/> touches it, under its lock.</summary>
    internal sealed class DeliveryRecord
    {
        public DeliveryRecord(string id, Uri url, byte[] body, DateTimeOffset queuedAt, string? copyOf)
        {
            Id = id;
            Url = url;
            Body = body;
            QueuedAt = queuedAt;
            CopyOf = copyOf;
        }

        public string Id { get; }

        public Uri Url { get; }

        public byte[] Body { get; }

        public DateTimeOffset QueuedAt { get; }

        public string? CopyOf { get; }

        public List<EmulatorWebhookAttempt> Attempts { get; } = new();

        public string Signature { get; set; } = string.Empty;

        public string KeyId { get; set; } = string.Empty;

        public EmulatorWebhookDeliveryState State { get; set; } = EmulatorWebhookDeliveryState.Pending;

        public DateTimeOffset? NextAttemptAt { get; set; }

        public string? GivenUpReason { get; set; }

        /// <summary>The retry waiting on the emulator's clock, if any.</summary>
        public ITimer? Retry { get; set; }

        /// <summary>When the retry window started: the first attempt, or the queueing if none was made yet.</summary>
        public DateTimeOffset Started => Attempts.Count > 0 ? Attempts[0].At : QueuedAt;

        /// <summary>Counts against the 90% rule: attempted and not (yet) answered 2xx.</summary>
        public bool Refused => Attempts.Count > 0 && State != EmulatorWebhookDeliveryState.Delivered;

        public void GiveUp(string reason)
        {
            State = EmulatorWebhookDeliveryState.GivenUp;
            GivenUpReason = reason;
            NextAttemptAt = null;
            Retry?.Dispose();
            Retry = null;
        }

        public EmulatorWebhookDelivery ToPublic()
        {
            var last = Attempts.LastOrDefault();
            return new EmulatorWebhookDelivery
            {
                Id = Id,
                SentAt = Started,
                Url = Url,
                Body = Encoding.UTF8.GetString(Body),
                VerificationHeader = Signature,
                KeyId = KeyId,
                StatusCode = last?.StatusCode,
                Error = last?.Error,
                Attempts = Attempts.ToArray(),
                State = State,
                NextAttemptAt = NextAttemptAt,
                GivenUpReason = GivenUpReason,
                CopyOf = CopyOf,
            };
        }
    }
}
