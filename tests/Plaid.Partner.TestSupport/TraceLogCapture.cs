using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Plaid.Partner.TestSupport
{
    /// <summary>
    /// Every log record at every level, for the tests that prove no secret reaches a log: register it, run the calls,
    /// read <c>provider.GetFakeLogCollector().GetSnapshot()</c>, and search <see cref="Everything"/> of each record.
    /// </summary>
    public static class TraceLogCapture
    {
        /// <summary>Logging at Trace into a FakeLogger (IHttpClientFactory's own handlers log there too).</summary>
        public static IServiceCollection AddTraceLogCapture(this IServiceCollection services) =>
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());

        /// <summary>All a record carries as text: message, exception, state, structured state and scopes.</summary>
        public static string Everything(this FakeLogRecord record) => string.Join(
            "\n",
            new[] { record.Message, record.Exception?.ToString(), record.State?.ToString() }
                .Concat(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? Enumerable.Empty<string>())
                .Concat(record.Scopes.Select(s => s?.ToString())));
    }
}
