namespace Plaid.Partner.Cli.Input
{
    /// <summary>Why one row of the file cannot be sent: its row number, the column, and the reason.</summary>
    /// <param name="Row">The row as a spreadsheet numbers it (the CSV header is row 1), or the JSON array's item number from 1; 0 for the whole file.</param>
    /// <param name="Column">The column (a CSV header, or the JSON field's dotted path).</param>
    /// <param name="Reason">What is wrong and what would be right.</param>
    internal sealed record RowProblem(int Row, string Column, string Reason);
}
