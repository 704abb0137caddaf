using Plaid.Partner.Cli.Commands.Onboarding;
using Plaid.Partner.Cli.Input;
using Plaid.Partner.Cli.Settings;

namespace Plaid.Partner.Cli.Commands
{
    /// <summary><c>plaid-partner onboard FILE</c>: checks every row, then creates each end customer through the ledger.</summary>
    internal static class OnboardCommand
    {
        public static Command Create(CommandContext context)
        {
            var file = new Argument<FileInfo>("FILE")
            {
                Description = "A .csv file (a header row, then one end customer per row) or a .json file (an array of Plaid create bodies). "
                    + $"Required columns: {string.Join(", ", CustomerColumns.Required)}. Optional: {string.Join(", ", CustomerColumns.Optional)}. "
                    + "Lists (products, redirect_uris) are separated by ';' in a CSV cell. The api column sends a row to Plaid's create (ga, the default) "
                    + "or to the beta create (beta: company_name, application_name and website required; bank_addendum_acceptance.* in place of "
                    + "is_bank_addendum_completed; Plaid answers with what is still due, which 'customers list --due' shows).",
            };
            var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and send nothing." };
            var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Send the valid rows even when others are invalid (those are listed and left out)." };
            var secretsOut = new Option<FileInfo?>("--secrets-out")
            {
                Description = "Append each created end customer's secrets to FILE as JSON lines (created readable by you only). Without it they are not kept: "
                    + "Plaid returns them once, and neither the ledger nor this tool's output holds them.",
                HelpName = "FILE",
            };
            var parallel = ParallelOption.Create("How many creates may be in flight at once");

            var command = new Command("onboard", "Create end customers from a file, at most once per reference. Every row is checked first; nothing is sent while any is invalid "
                + "(unless --skip-invalid). Run it again after a crash or Ctrl+C: only what was not sent goes. Creates whose answer was lost are listed as in doubt, "
                + "never re-sent (exit code 3): settle them with 'plaid-partner settle'.")
            {
                file, dryRun, skipInvalid, secretsOut, parallel,
            };
            command.SetAction((result, cancellation) => RunAsync(
                context,
                result,
                result.GetValue(file)!,
                new Flags(result.GetValue(dryRun), result.GetValue(skipInvalid), result.GetValue(secretsOut), result.GetValue(parallel)),
                cancellation));
            return context.WithExamples(
                command,
                $"{CliApplication.Name} --emulator onboard samples/customers.csv --secrets-out secrets.jsonl",
                $"{CliApplication.Name} onboard customers.csv --dry-run",
                $"{CliApplication.Name} onboard customers.json --json --secrets-out secrets.jsonl > results.jsonl");
        }

        private static async Task<int> RunAsync(CommandContext context, ParseResult result, FileInfo file, Flags flags, CancellationToken stopping)
        {
            var settings = context.Settings(result);
            var output = context.Output(settings);
            var (rows, readProblems) = CustomerFile.Read(file.FullName);
            var (valid, rowProblems) = RowValidator.Validate(rows);
            var problems = readProblems.Concat(rowProblems).OrderBy(p => p.Row).ToList();
            var invalid = problems.Select(p => p.Row).Distinct().Count();
            var total = rows.Count + readProblems.Count(p => p.Row > 0);
            ProblemReport.Write(output, problems);

            if (problems.Any(p => p.Row == 0) || (problems.Count > 0 && !flags.SkipInvalid && !flags.DryRun))
            {
                output.Diagnostic($"{invalid} of {total} rows have problems; nothing was sent. Fix them, or pass --skip-invalid to send the rest.");
                new OnboardSummary(total, invalid, [], 0, flags.DryRun).WriteIfJson(output);
                return ExitCodes.SomeFailed;
            }

            if (flags.DryRun)
            {
                output.Diagnostic($"{valid.Count} rows are valid, {invalid} are not; nothing was sent (--dry-run).");
                new OnboardSummary(total, invalid, [], 0, dryRun: true).WriteIfJson(output);
                return invalid > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
            }

            await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: true, stopping);
            using var secrets = flags.SecretsOut is null ? null : SecretsFile.Open(flags.SecretsOut.FullName);
            if (secrets is null)
            {
                output.Diagnostic("Secrets of created end customers are not kept (no --secrets-out): Plaid returns them once, in the create's answer.");
            }

            var outcomes = await new OnboardRun(session.Ledger, output, secrets, flags.Parallel).RunAsync(valid, stopping);
            var summary = new OnboardSummary(total, invalid, outcomes, valid.Count - outcomes.Count, dryRun: false);
            summary.Write(output);
            return summary.ExitCode;
        }

        private sealed record Flags(bool DryRun, bool SkipInvalid, FileInfo? SecretsOut, int Parallel);
    }
}
