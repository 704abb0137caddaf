using System.Collections.Generic;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>POST /__emulator/customers/status: Plaid's review of a customer finishes.</summary>
    internal sealed class CustomerStatusCommand
    {
        public string? EndCustomerClientId { get; set; }

        public string? Status { get; set; }
    }

    /// <summary>POST /__emulator/oauth_status: an institution's OAuth registration status changes (fires the webhook).</summary>
    internal sealed class OAuthStatusCommand
    {
        public string? EndCustomerClientId { get; set; }

        public string? InstitutionId { get; set; }

        public string? Status { get; set; }

        public string? ErrorMessage { get; set; }
    }

    /// <summary>The answer to <see cref="OAuthStatusCommand"/>: the webhook sent, or null when none was.</summary>
    internal sealed class OAuthStatusResult
    {
        public EmulatorWebhookDelivery? Webhook { get; set; }
    }

    /// <summary>PUT /__emulator/webhook_url.</summary>
    internal sealed class WebhookUrlCommand
    {
        public string? Url { get; set; }
    }

    /// <summary>POST /__emulator/webhook_key/rotate answers with the new key id and the one it expired.</summary>
    internal sealed class RotateResult
    {
        public string Kid { get; set; } = string.Empty;

        public string ExpiredKid { get; set; } = string.Empty;
    }

    /// <summary>POST /__emulator/faults.</summary>
    internal sealed class FaultCommand
    {
        public string? Path { get; set; }

        public EmulatorFaultKind? Kind { get; set; }

        public int? Status { get; set; }

        public double? RetryAfterSeconds { get; set; }

        public double? DelayMs { get; set; }

        public string? Body { get; set; }

        public int? Times { get; set; }
    }

    /// <summary>GET /__emulator/customers.</summary>
    internal sealed class CustomersResult
    {
        public List<EmulatorCustomer> Customers { get; set; } = new();
    }

    /// <summary>GET /__emulator/webhooks.</summary>
    internal sealed class DeliveriesResult
    {
        public List<EmulatorWebhookDelivery> Deliveries { get; set; } = new();
    }

    /// <summary>A refused control request.</summary>
    internal sealed class ControlError
    {
        public string Error { get; set; } = string.Empty;
    }

    /// <summary>POST /__emulator/clock/advance: how far to move the emulator's clock (the parts add up).</summary>
    internal sealed class ClockAdvanceCommand
    {
        public double? Hours { get; set; }

        public double? Minutes { get; set; }

        public double? Seconds { get; set; }
    }

    /// <summary>GET /__emulator/clock, and the answer to an advance.</summary>
    internal sealed class ClockResult
    {
        public System.DateTimeOffset Now { get; set; }

        /// <summary>How far the clock has been advanced ahead of its source, in seconds.</summary>
        public double AdvancedSeconds { get; set; }
    }

    /// <summary>One step of an OAuth schedule, in a control request or answer.</summary>
    internal sealed class OAuthStepModel
    {
        public double? AfterHours { get; set; }

        public string? Status { get; set; }

        public string? ErrorMessage { get; set; }
    }

    /// <summary>POST /__emulator/oauth_schedule: an institution's registration schedule, for every customer enabled from now or for one.</summary>
    internal sealed class OAuthScheduleCommand
    {
        public string? InstitutionId { get; set; }

        public string? EndCustomerClientId { get; set; }

        public List<OAuthStepModel>? Steps { get; set; }
    }

    /// <summary>GET /__emulator/oauth_schedule: the schedules set and the steps waiting on the clock.</summary>
    internal sealed class OAuthSchedulesResult
    {
        public List<OAuthScheduleCommand> Schedules { get; set; } = new();

        public List<PendingStepModel> Pending { get; set; } = new();
    }

    /// <summary>A step waiting on the clock for one customer's institution.</summary>
    internal sealed class PendingStepModel
    {
        public string EndCustomerClientId { get; set; } = string.Empty;

        public string InstitutionId { get; set; } = string.Empty;

        public System.DateTimeOffset DueAt { get; set; }

        public string Status { get; set; } = string.Empty;
    }

    /// <summary>POST /__emulator/webhooks/send_twice.</summary>
    internal sealed class SendTwiceCommand
    {
        public int? Count { get; set; }
    }

    /// <summary>POST /__emulator/webhooks/resend.</summary>
    internal sealed class ResendCommand
    {
        public string? DeliveryId { get; set; }
    }

    /// <summary>The receiver faults still to come.</summary>
    internal sealed class WebhookFaultsResult
    {
        public int SendTwiceRemaining { get; set; }

        public bool HoldNext { get; set; }

        public string? HeldDeliveryId { get; set; }
    }
}
