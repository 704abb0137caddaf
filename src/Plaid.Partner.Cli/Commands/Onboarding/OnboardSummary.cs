using System.Globalization;

namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>The end of an onboard run: counts, the rows that need attention, and the exit code they make.</summary>
    internal sealed class OnboardSummary
    {
        public OnboardSummary(int rows, int invalid, IReadOnlyList<RowOutcome> outcomes, int notReached, bool dryRun)
        {
            Rows = rows;
            Invalid = invalid;
            Outcomes = outcomes;
            NotReached = notReached;
            DryRun = dryRun;
        }

        public int Rows { get; }

        public int Invalid { get; }

        public IReadOnlyList<RowOutcome> Outcomes { get; }

        /// <summary>Valid rows a stop (Ctrl+C) came before; the next run sends them.</summary>
        public int NotReached { get; }

        public bool DryRun { get; }

        /// <summary>3 when anything is in doubt, else 1 when a row failed, was invalid or was not reached, else 0.</summary>
        public int ExitCode =>
            Count(RowOutcomeKind.InDoubt) > 0 ? ExitCodes.InDoubt
            : Invalid > 0 || NotReached > 0 || Outcomes.Any(o => o.Failed) ? ExitCodes.SomeFailed
            : ExitCodes.Ok;

        public int Count(RowOutcomeKind kind) => Outcomes.Count(o => o.Kind == kind);

        /// <summary>With --json, the summary line of a run that sent nothing (the diagnostics said why).</summary>
        public void WriteIfJson(CliOutput output)
        {
            if (output.Json)
            {
                output.WriteJsonLine(OnboardJson.Summary(this));
            }
        }

        public void Write(CliOutput output)
        {
            if (output.Json)
            {
                output.WriteJsonLine(OnboardJson.Summary(this));
                return;
            }

            var attention = Outcomes.Where(o => o.Kind != RowOutcomeKind.Created && o.Kind != RowOutcomeKind.AlreadyRecorded).ToList();
            if (attention.Count > 0 && output.ShowsProgressBar)
            {
                // Off a terminal each row already had its line; on one, the bar hid them.
                var rows = output.NewTable("Row", "Reference", "Outcome", "Detail");
                foreach (var outcome in attention)
                {
                    CliOutput.AddRow(rows, outcome.Row.ToString(CultureInfo.InvariantCulture), outcome.Reference, OnboardJson.Name(outcome.Kind), outcome.Detail);
                }

                output.Write(rows);
            }

            var table = output.NewTable("Rows", "Invalid", "Created", "Already recorded", "Refused", "Not sent", "In doubt", "Not reached");
            CliOutput.AddRow(
                table,
                N(Rows),
                N(Invalid),
                N(Count(RowOutcomeKind.Created)),
                N(Count(RowOutcomeKind.AlreadyRecorded)),
                N(Count(RowOutcomeKind.Refused)),
                N(Count(RowOutcomeKind.NotSent)),
                N(Count(RowOutcomeKind.InDoubt)),
                N(NotReached));
            output.Write(table);

            foreach (var outcome in Outcomes.Where(o => o.Kind == RowOutcomeKind.InDoubt))
            {
                output.Diagnostic($"in doubt: {InDoubtAdvice.For(outcome.Reference, outcome.ClientId)}");
            }

            if (Count(RowOutcomeKind.InDoubt) > 0)
            {
                output.Diagnostic(InDoubtAdvice.Why);
            }

            if (NotReached > 0)
            {
                output.Diagnostic($"{NotReached} rows were not reached; run the same command again to send them (nothing is sent twice).");
            }
        }

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
