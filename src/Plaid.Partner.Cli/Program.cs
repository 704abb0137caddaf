namespace Plaid.Partner.Cli
{
    /// <summary>The <c>plaid-partner</c> command.</summary>
    internal static class Program
    {
        public static Task<int> Main(string[] args) => CliApplication.RunAsync(args, CliHost.FromProcess());
    }
}
