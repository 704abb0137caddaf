using System.Diagnostics.Metrics;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// The client's instruments, on the meter <see cref="PlaidMeters"/> gives: the host's when the client comes from
    /// <c>AddPlaidPartner</c> in a container with an <see cref="IMeterFactory"/> (every .NET host registers one), else
    /// <see cref="Unhosted"/>, shared by the process. The webhook verifier counts on its client's.
    /// </summary>
    internal sealed class PlaidMetrics
    {
        private PlaidMetrics(Meter meter)
        {
            CallDuration = CreateCallDuration(meter);
            Retries = meter.CreateCounter<long>(
                PlaidPartnerTelemetry.RetriesInstrument,
                unit: "{retry}",
                description: "Retries of Plaid read calls after a transient failure.");
            WebhookVerifications = meter.CreateCounter<long>(
                PlaidPartnerTelemetry.WebhookVerificationsInstrument,
                unit: "{verification}",
                description: "Plaid webhook verifications, by result and failure reason.");
        }

        /// <summary>For clients and verifiers built without a host: one set for the process.</summary>
        public static PlaidMetrics Unhosted { get; } = new(PlaidMeters.For(null, typeof(PlaidMetrics).Assembly));

        public Histogram<double> CallDuration { get; }

        public Counter<long> Retries { get; }

        public Counter<long> WebhookVerifications { get; }

        /// <summary>The instruments on <paramref name="factory"/>'s meter, or <see cref="Unhosted"/> without one.</summary>
        public static PlaidMetrics For(IMeterFactory? factory) =>
            factory is null ? Unhosted : new PlaidMetrics(PlaidMeters.For(factory, typeof(PlaidMetrics).Assembly));

        private static Histogram<double> CreateCallDuration(Meter meter)
        {
            const string Unit = "s";
            const string Description = "Duration of Plaid API calls, retries and their waits included.";
#if NET9_0_OR_GREATER
            // Seconds need buckets from milliseconds to a minute; the SDK's default boundaries are for milliseconds.
            return meter.CreateHistogram<double>(
                PlaidPartnerTelemetry.CallDurationInstrument,
                Unit,
                Description,
                tags: null,
                advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });
#else
            return meter.CreateHistogram<double>(PlaidPartnerTelemetry.CallDurationInstrument, Unit, Description);
#endif
        }
    }
}
