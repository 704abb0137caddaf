using System;
using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// Settings for <see cref="PlaidPartnerEmulator"/>. They are copied and checked when it starts; changing this
    /// instance afterwards has no effect (use the emulator's control methods instead).
    /// </summary>
    public sealed class PlaidPartnerEmulatorOptions
    {
        /// <summary>
        /// Which Plaid environment to behave as: <see cref="PlaidEnvironment.Production"/> (the default) keeps end
        /// customers; <see cref="PlaidEnvironment.Sandbox"/> answers create with a sample and stores nothing (Plaid API docs, Partner › /partner/customer/create).
        /// </summary>
        public PlaidEnvironment Environment { get; set; } = PlaidEnvironment.Production;

        /// <summary>The <c>PLAID-CLIENT-ID</c> the emulator accepts; null for a random one per emulator.</summary>
        public string? ClientId { get; set; }

        /// <summary>
        /// The <c>PLAID-SECRET</c> the emulator accepts; null for a random one per emulator. Never written to logs or
        /// <see cref="ToString"/>.
        /// </summary>
        public string? Secret { get; set; }

        /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>
        /// Where to POST END_CUSTOMER_OAUTH_STATUS_UPDATED webhooks, or null to send none. Must be http or https on a
        /// loopback host (127.0.0.1, [::1] or localhost): the emulator never sends beyond this machine.
        /// </summary>
        public Uri? WebhookUrl { get; set; }

        /// <summary>
        /// The status a newly created end customer gets: UNDER_REVIEW (the default, as Plaid reviews it), or
        /// PENDING_ENABLEMENT or DENIED as if the review had already finished.
        /// </summary>
        public PartnerEndCustomerStatus NewCustomerStatus { get; set; } = PartnerEndCustomerStatus.UnderReview;

        /// <summary>The emulated reseller team's state, which decides the partner errors of create and enable.</summary>
        public EmulatorPartnerSettings Partner { get; set; } = new();

        /// <summary>
        /// A seed file (JSON; the emulator README, "Seed and reset") whose end customers and partner settings the emulator
        /// starts with, and returns to on <see cref="PlaidPartnerEmulator.ResetAsync"/>; null for none. A file that does not
        /// validate stops <see cref="PlaidPartnerEmulator.StartAsync"/> with an <see cref="EmulatorSeedException"/>.
        /// </summary>
        public string? SeedFile { get; set; }

        /// <summary>
        /// The source of the emulator's clock (webhook <c>iat</c>, key <c>created_at</c> / <c>expired_at</c>, enablement
        /// dates, webhook retries and OAuth schedules), which <see cref="PlaidPartnerEmulator.AdvanceClockAsync"/> moves
        /// ahead of it. Defaults to the system clock; a test may pass a FakeTimeProvider and advance that instead.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Where to log one line per request (method, path, status, error code, request_id; never credentials); null for none.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>Shows every setting with the secret redacted.</summary>
        public override string ToString() =>
            $"PlaidPartnerEmulatorOptions {{ Environment = {Environment}, ClientId = {ClientId ?? "(random)"}, "
                + $"Secret = {(Secret is null ? "(random)" : "[redacted]")}, Port = {Port}, WebhookUrl = {WebhookUrl?.ToString() ?? "(none)"}, "
                + $"NewCustomerStatus = {NewCustomerStatus}, SeedFile = {SeedFile ?? "(none)"}, Partner = {Partner} }}";
    }
}
