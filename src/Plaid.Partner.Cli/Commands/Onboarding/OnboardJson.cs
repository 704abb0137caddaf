namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>The JSON lines onboard writes with --json: one per customer, then one summary.</summary>
    internal static class OnboardJson
    {
        public static string Name(RowOutcomeKind kind) => kind switch
        {
            RowOutcomeKind.Created => "created",
            RowOutcomeKind.AlreadyRecorded => "already_recorded",
            RowOutcomeKind.Refused => "refused",
            RowOutcomeKind.NotSent => "not_sent",
            _ => "in_doubt",
        };

        public static object Line(RowOutcome outcome) => new
        {
            type = "customer",
            row = outcome.Row,
            reference = outcome.Reference,
            outcome = Name(outcome.Kind),
            client_id = outcome.ClientId,
            status = outcome.Status,
            detail = outcome.Detail,
        };

        public static object Summary(OnboardSummary summary) => new
        {
            type = "summary",
            rows = summary.Rows,
            invalid = summary.Invalid,
            created = summary.Count(RowOutcomeKind.Created),
            already_recorded = summary.Count(RowOutcomeKind.AlreadyRecorded),
            refused = summary.Count(RowOutcomeKind.Refused),
            not_sent = summary.Count(RowOutcomeKind.NotSent),
            in_doubt = summary.Count(RowOutcomeKind.InDoubt),
            not_reached = summary.NotReached,
            dry_run = summary.DryRun,
            exit_code = summary.ExitCode,
        };

        public static IEnumerable<string> InDoubtReferences(IEnumerable<RowOutcome> outcomes) =>
            outcomes.Where(o => o.Kind == RowOutcomeKind.InDoubt).Select(o => o.Reference);
    }
}
