using System.Diagnostics;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// One span per logical ledger call (<c>EndCustomerLedger.Onboard</c>, …) on the <c>Plaid.Partner.Ledger</c> source; the
    /// client's own span for the Plaid call nests inside. Tags: the outcome and create state, never a secret.
    /// </summary>
    internal static class LedgerTelemetry
    {
        public const string SourceName = "Plaid.Partner.Ledger";

        public static readonly ActivitySource Source = new(SourceName, LibraryVersion.Of(typeof(LedgerTelemetry).Assembly));

        public static Activity? Start(string operation) => Source.StartActivity("EndCustomerLedger." + operation, ActivityKind.Internal);
    }
}
