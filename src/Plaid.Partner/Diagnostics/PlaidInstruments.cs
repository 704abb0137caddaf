using System.Diagnostics;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// The library's one <see cref="ActivitySource"/>. Static because a span's source has no host to come from (unlike
    /// the meters, <see cref="PlaidMetrics"/>); it costs a field read and a branch while nobody listens.
    /// </summary>
    internal static class PlaidInstruments
    {
        public static readonly ActivitySource Source = new(PlaidPartnerTelemetry.ActivitySourceName, LibraryVersion.Core);
    }
}
