using System.Collections.Concurrent;
using Plaid.Partner.Cli.Input;
using Spectre.Console;

namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>
    /// Sends the valid rows through the ledger, a few at a time: each reference is created at most once, whatever ran
    /// before, so a second run after a crash or Ctrl+C sends only what was not sent. A stop request is honoured between
    /// customers, never during a create, which would leave it in doubt.
    /// </summary>
    internal sealed class OnboardRun
    {
        private readonly EndCustomerLedger _ledger;
        private readonly CliOutput _output;
        private readonly SecretsFile? _secrets;
        private readonly int _parallel;
        private readonly object _reportLock = new();

        public OnboardRun(EndCustomerLedger ledger, CliOutput output, SecretsFile? secrets, int parallel)
        {
            _ledger = ledger;
            _output = output;
            _secrets = secrets;
            _parallel = parallel;
        }

        /// <summary>Each row's outcome in file order; rows not reached before a stop are left out.</summary>
        public async Task<IReadOnlyList<RowOutcome>> RunAsync(IReadOnlyList<ValidRow> rows, CancellationToken stopping)
        {
            var outcomes = new ConcurrentBag<RowOutcome>();
            if (_output.ShowsProgressBar)
            {
                await _output.Console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Onboarding {rows.Count} end customers", maxValue: rows.Count);
                        await SendAllAsync(rows, outcomes, _ => task.Increment(1), stopping);
                    });
            }
            else
            {
                await SendAllAsync(rows, outcomes, Report, stopping);
            }

            return outcomes.OrderBy(o => o.Row).ToList();
        }

        private async Task SendAllAsync(IReadOnlyList<ValidRow> rows, ConcurrentBag<RowOutcome> outcomes, Action<RowOutcome> done, CancellationToken stopping)
        {
            var next = -1;
            var finished = 0;
            async Task WorkAsync()
            {
                int index;
                while (!stopping.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < rows.Count)
                {
                    // CancellationToken.None: once sent, a create's answer is waited for and recorded.
                    var outcome = await SendAsync(rows[index], CancellationToken.None);
                    outcomes.Add(outcome);
                    done(outcome);
                    _output.Host.AfterEachCustomer?.Invoke(Interlocked.Increment(ref finished));
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Math.Min(_parallel, Math.Max(rows.Count, 1))).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        }

        private async Task<RowOutcome> SendAsync(ValidRow row, CancellationToken cancellationToken)
        {
            OnboardingResult result;
            try
            {
                result = row.BetaRequest is { } beta
                    ? await _ledger.OnboardBetaAsync(row.Reference, beta, cancellationToken)
                    : await _ledger.OnboardAsync(row.Reference, row.Request!, cancellationToken);
            }
            catch (LedgerStoreException e)
            {
                // The store failed before anything was sent (the ledger checks it first).
                return new RowOutcome(row.Row, row.Reference, RowOutcomeKind.NotSent, null, null, $"the ledger's store failed: {e.Message}");
            }

            var record = result.Record;
            if (result.Secrets is not null)
            {
                _secrets?.Write(row.Reference, record.ClientId, result.Secrets);
            }

            var status = record.Status?.ToString();
            return result.Outcome switch
            {
                OnboardingOutcome.Created => new RowOutcome(row.Row, row.Reference, RowOutcomeKind.Created, record.ClientId, status, null),
                OnboardingOutcome.AlreadyRecorded when IsInDoubt(record) =>
                    new RowOutcome(row.Row, row.Reference, RowOutcomeKind.InDoubt, record.ClientId, status, "recorded in doubt by an earlier run; not sent again"),
                OnboardingOutcome.AlreadyRecorded =>
                    new RowOutcome(row.Row, row.Reference, RowOutcomeKind.AlreadyRecorded, record.ClientId, status, $"already recorded ({Describe(record.CreateState)}); nothing sent"),
                OnboardingOutcome.Refused => new RowOutcome(row.Row, row.Reference, RowOutcomeKind.Refused, null, null, Describe(record.LastError, result.Failure)),
                OnboardingOutcome.NotSent => new RowOutcome(row.Row, row.Reference, RowOutcomeKind.NotSent, null, null, $"nothing left this machine: {result.Failure?.Message}"),
                OnboardingOutcome.CreatedNotRecorded =>
                    new RowOutcome(row.Row, row.Reference, RowOutcomeKind.InDoubt, record.ClientId, status, "created by Plaid, but the ledger could not record it"),
                _ => new RowOutcome(row.Row, row.Reference, RowOutcomeKind.InDoubt, null, null, "the create's answer was lost"),
            };
        }

        private static bool IsInDoubt(EndCustomerRecord record) => record.CreateState is EndCustomerCreateState.InDoubt or EndCustomerCreateState.Pending;

        private static string Describe(EndCustomerCreateState state) => state switch
        {
            EndCustomerCreateState.Created => "created",
            EndCustomerCreateState.Refused => "refused earlier",
            EndCustomerCreateState.NotSent => "not sent earlier",
            EndCustomerCreateState.NotCreated => "settled as not created",
            _ => state.ToString(),
        };

        private static string Describe(EndCustomerCreateError? error, Exception? failure) =>
            error is not null ? $"{error.ErrorCode ?? error.ErrorType ?? "refused"}: {error.ErrorMessage}" : failure?.Message ?? "refused";

        // Lines come from several sends at once; each is written whole.
        private void Report(RowOutcome outcome)
        {
            lock (_reportLock)
            {
                ReportLine(outcome);
            }
        }

        private void ReportLine(RowOutcome outcome)
        {
            if (_output.Json)
            {
                _output.WriteJsonLine(OnboardJson.Line(outcome));
                return;
            }

            var what = outcome.Kind switch
            {
                RowOutcomeKind.Created => $"created {outcome.ClientId} {outcome.Status}",
                RowOutcomeKind.AlreadyRecorded => outcome.Detail,
                _ => $"{OnboardJson.Name(outcome.Kind)}: {outcome.Detail}",
            };
            _output.WriteLine($"row {outcome.Row} {outcome.Reference}: {what}");
        }
    }
}
