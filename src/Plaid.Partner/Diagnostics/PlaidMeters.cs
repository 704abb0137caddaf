using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// Where every meter of the library comes from (the client's, <see cref="PlaidMetrics"/>, and the ASP.NET Core
    /// endpoint's), all named <see cref="PlaidPartnerTelemetry.MeterName"/> so one <c>AddMeter("Plaid.Partner")</c>
    /// collects them: the host's <see cref="IMeterFactory"/> when there is one, so each host's (and each test's)
    /// measurements stay apart; else one meter per assembly for the whole process, for what is built without a host.
    /// </summary>
    internal static class PlaidMeters
    {
        private static readonly ConcurrentDictionary<Assembly, Meter> Unhosted = new();

        /// <summary>The meter for <paramref name="assembly"/>'s instruments, versioned as that assembly is.</summary>
        public static Meter For(IMeterFactory? factory, Assembly assembly) =>
            factory is null
                ? Unhosted.GetOrAdd(assembly, static a => new Meter(PlaidPartnerTelemetry.MeterName, LibraryVersion.Of(a)))
                : factory.Create(new MeterOptions(PlaidPartnerTelemetry.MeterName) { Version = LibraryVersion.Of(assembly) });
    }
}
