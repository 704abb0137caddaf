using Plaid.Partner.Cli.Input;

namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>The rows that cannot be sent: a table (row, column, problem), or a JSON line each with --json.</summary>
    internal static class ProblemReport
    {
        public static void Write(CliOutput output, IReadOnlyList<RowProblem> problems)
        {
            if (problems.Count == 0)
            {
                return;
            }

            if (output.Json)
            {
                foreach (var problem in problems)
                {
                    output.WriteJsonLine(new { type = "problem", row = problem.Row, column = problem.Column, reason = problem.Reason });
                }

                return;
            }

            var table = output.NewTable("Row", "Column", "Problem");
            foreach (var problem in problems)
            {
                CliOutput.AddRow(table, problem.Row == 0 ? "-" : problem.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Column, problem.Reason);
            }

            output.Write(table);
        }
    }
}
