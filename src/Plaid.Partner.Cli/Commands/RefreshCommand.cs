using System.Globalization;
using Plaid.Partner.Cli.Settings;
using Spectre.Console;

namespace Plaid.Partner.Cli.Commands
{
    /// <summary><c>plaid-partner refresh REF | --all</c>: reads end customers from Plaid again and records every change.</summary>
    internal static class RefreshCommand
    {
        public static Command Create(CommandContext context)
        {
            var reference = new Argument<string?>("REF") { Description = "The end customer to read again.", Arity = ArgumentArity.ZeroOrOne };
            var all = new Option<bool>("--all") { Description = "Read every end customer the ledger holds that is not final, a few at a time." };
            var parallel = ParallelOption.Create("With --all: how many end customers are read at once");
            var command = new Command("refresh", "Read end customers from Plaid again (status, OAuth institutions) and record every change with its time. "
                + "A rate limit from Plaid slows the batch down; one customer's failure does not stop the others.")
            {
                reference, all, parallel,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var one = result.GetValue(reference);
                if ((one is null) == !result.GetValue(all))
                {
                    context.Host.Error.WriteLine($"{CliApplication.Name}: refresh needs a REF or --all (not both).");
                    return ExitCodes.UsageOrConfiguration;
                }

                var settings = context.Settings(result);
                var output = context.Output(settings);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: true, cancellation);
                return one is not null
                    ? await RefreshOneAsync(session.Ledger, output, one, cancellation)
                    : await RefreshAllAsync(session.Ledger, output, result.GetValue(parallel), cancellation);
            });
            return context.WithExamples(command, $"{CliApplication.Name} --emulator refresh acme-001", $"{CliApplication.Name} refresh --all --json > refreshed.jsonl");
        }

        private static async Task<int> RefreshOneAsync(EndCustomerLedger ledger, CliOutput output, string reference, CancellationToken cancellation)
        {
            try
            {
                await ledger.RefreshAsync(reference, cancellation);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or PlaidApiException)
            {
                output.Diagnostic($"{CliApplication.Name}: {e.Message}");
                return ExitCodes.SomeFailed;
            }

            RecordView.Write(output, (await ledger.GetAsync(reference, cancellation))!);
            return ExitCodes.Ok;
        }

        private static async Task<int> RefreshAllAsync(EndCustomerLedger ledger, CliOutput output, int parallel, CancellationToken cancellation)
        {
            RefreshSummary summary;
            if (output.ShowsProgressBar)
            {
                // The bar's 100% is the records a refresh reads, counted from the ledger first (no call to Plaid).
                var total = await RefreshableAsync(ledger, cancellation);
                summary = await output.Console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Refreshing {total} end customers", maxValue: Math.Max(total, 1));
                        var report = new CallbackProgress<RefreshResult>(r => task.Increment(1));
                        var finished = await ledger.RefreshAllAsync(EndCustomerFilter.All, parallel, report, cancellation);
                        task.Value = task.MaxValue;
                        return finished;
                    });
            }
            else
            {
                var report = new CallbackProgress<RefreshResult>(r =>
                {
                    if (output.Json)
                    {
                        output.WriteJsonLine(new { type = "customer", reference = r.Reference, changes = r.Changes, failure = r.Failure?.Message });
                    }
                    else
                    {
                        output.WriteLine(r.Failure is null ? $"{r.Reference}: {r.Changes} change(s)" : $"{r.Reference}: failed: {r.Failure.Message}");
                    }
                });
                summary = await ledger.RefreshAllAsync(EndCustomerFilter.All, parallel, report, cancellation);
            }

            Write(output, summary);
            return summary.Failures.Count > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        }

        /// <summary>How many records <see cref="EndCustomerLedger.RefreshAllAsync"/> reads: created, with a client_id, neither denied nor removed.</summary>
        private static async Task<int> RefreshableAsync(EndCustomerLedger ledger, CancellationToken cancellation)
        {
            var count = 0;
            string? after = null;
            do
            {
                var page = await ledger.ListAsync(EndCustomerFilter.WithCreateState(EndCustomerCreateState.Created), after, EndCustomerLedger.MaxPageSize, cancellation);
                count += page.Records.Count(r => r.IsRefreshable);
                after = page.NextAfter;
            }
            while (after is not null);
            return count;
        }

        private static void Write(CliOutput output, RefreshSummary summary)
        {
            if (output.Json)
            {
                output.WriteJsonLine(new { type = "summary", read = summary.Read, changed = summary.Changed, failed = summary.Failures.Count, rate_limit_pauses = summary.RateLimitPauses });
                return;
            }

            var table = output.NewTable("Read", "Changed", "Failed", "Rate-limit pauses");
            CliOutput.AddRow(table, N(summary.Read), N(summary.Changed), N(summary.Failures.Count), N(summary.RateLimitPauses));
            output.Write(table);
            foreach (var failure in summary.Failures)
            {
                output.Diagnostic($"failed: {failure.Reference}: {failure.Failure?.Message}");
            }
        }

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
