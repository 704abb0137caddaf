using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// The library's one <see cref="ActivitySource"/> and one <see cref="Meter"/> with its instruments. Static because
    /// a client is often built without DI; instruments cost a field read and a branch while nobody listens.
    /// </summary>
    internal static class PlaidInstruments
    {
        private static readonly string Version = LibraryVersion.Core;

        public static readonly ActivitySource Source = new(PlaidPartnerTelemetry.ActivitySourceName, Version);

        public static readonly Meter Meter = new(PlaidPartnerTelemetry.MeterName, Version);

        public static readonly Histogram<double> CallDuration = CreateCallDuration();

        public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            PlaidPartnerTelemetry.RetriesInstrument,
            unit: "{retry}",
            description: "Retries of Plaid read calls after a transient failure.");

        public static readonly Counter<long> WebhookVerifications = Meter.CreateCounter<long>(
            PlaidPartnerTelemetry.WebhookVerificationsInstrument,
            unit: "{verification}",
            description: "Plaid webhook verifications, by result and failure reason.");

        private static Histogram<double> CreateCallDuration()
        {
            const string Unit = "s";
            const string Description = "Duration of Plaid API calls, retries and their waits included.";
#if NET9_0_OR_GREATER
            // Seconds need buckets from milliseconds to a minute; the SDK's default boundaries are for milliseconds.
            return Meter.CreateHistogram<double>(
                PlaidPartnerTelemetry.CallDurationInstrument,
                Unit,
                Description,
                tags: null,
                advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });
#else
            return Meter.CreateHistogram<double>(PlaidPartnerTelemetry.CallDurationInstrument, Unit, Description);
#endif
        }
    }
}
