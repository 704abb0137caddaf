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
}
