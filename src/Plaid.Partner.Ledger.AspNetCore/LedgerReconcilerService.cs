using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Ledger.AspNetCore
{
    /// <summary>
    /// Runs <see cref="EndCustomerLedger.ReconcileAsync"/> every interval on the host's <see cref="TimeProvider"/>. A failed
    /// round is logged and the next one runs on time; leases keep several instances from refreshing one record together.
    /// </summary>
    internal sealed class LedgerReconcilerService : BackgroundService
    {
        private static readonly Action<ILogger, int, int, int, Exception?> RoundLine = LoggerMessage.Define<int, int, int>(
            LogLevel.Information, new EventId(10, "ReconcilerRound"), "Ledger reconciler: {Read} refreshed, {Changed} changed, {Failed} failed");

        private static readonly Action<ILogger, Exception?> RoundFailedLine = LoggerMessage.Define(
            LogLevel.Error, new EventId(11, "ReconcilerRoundFailed"), "Ledger reconciler: the round failed; the next one runs on schedule");

        private readonly EndCustomerLedger _ledger;
        private readonly EndCustomerReconcilerOptions _options;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;
        private readonly string _instanceId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

        public LedgerReconcilerService(EndCustomerLedger ledger, EndCustomerReconcilerOptions options, TimeProvider time, ILogger<LedgerReconcilerService> logger)
        {
            _ledger = ledger;
            _options = options;
            _time = time;
            _logger = logger;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var summary = await _ledger.ReconcileAsync(_instanceId, _options, stoppingToken).ConfigureAwait(false);
                    RoundLine(_logger, summary.Read, summary.Changed, summary.Failures.Count, null);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    RoundFailedLine(_logger, exception);
                }

                try
                {
                    await Task.Delay(_options.Interval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
