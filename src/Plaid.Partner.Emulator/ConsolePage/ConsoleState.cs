using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Plaid.Partner.Emulator.Control;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>Everything one rendering of the console shows, read from the runtime once, before any HTML is written.</summary>
    internal sealed record ConsoleState(
        string BaseUrl,
        string Environment,
        bool IsProduction,
        string ClientId,
        Uri? WebhookUrl,
        string KeyId,
        IReadOnlyList<CustomerView> Customers,
        int DeliveryCount,
        IReadOnlyList<(EmulatorWebhookDelivery Delivery, SignatureVerdict Signature)> LatestDeliveries,
        IReadOnlyList<ActiveFault> Faults,
        EmulatorPartnerSettings Partner,
        DateTimeOffset Now,
        string Token)
    {
        /// <summary>How far the emulator's clock has been advanced ahead of its source.</summary>
        public TimeSpan ClockAdvanced { get; init; }

        /// <summary>The OAuth schedules set, and the steps waiting on the clock.</summary>
        public OAuthSchedulesResult Schedules { get; init; } = new();

        /// <summary>The receiver faults still to come (send twice, hold next).</summary>
        public (int SendTwiceRemaining, bool HoldNext, string? HeldId) WebhookFaults { get; init; }

        /// <summary>The console lists this many deliveries, newest first; the JSON endpoint has them all.</summary>
        public const int MaxDeliveries = 100;

        public static async Task<ConsoleState> ReadAsync(EmulatorRuntime runtime, string baseUrl)
        {
            var deliveries = runtime.Webhooks.Deliveries;
            var latest = new List<(EmulatorWebhookDelivery, SignatureVerdict)>();
            foreach (var delivery in deliveries.Reverse().Take(MaxDeliveries))
            {
                latest.Add((delivery, await DeliverySignatureCheck.CheckAsync(delivery, runtime.Keys).ConfigureAwait(false)));
            }

            return new ConsoleState(
                baseUrl,
                runtime.WebhookEnvironment,
                runtime.IsProduction,
                runtime.ClientId,
                runtime.Webhooks.Url,
                runtime.Keys.CurrentKeyId,
                runtime.Customers.Snapshot(),
                deliveries.Count,
                latest,
                runtime.Faults.Snapshot(),
                runtime.Partner,
                runtime.Time.GetUtcNow(),
                runtime.ConsoleToken)
            {
                ClockAdvanced = runtime.Time.Offset,
                Schedules = EmulatorControls.DescribeSchedules(runtime),
                WebhookFaults = runtime.Webhooks.Faults,
            };
        }
    }
}
