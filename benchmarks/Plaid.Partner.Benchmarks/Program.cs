using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/Plaid.Partner.Benchmarks -- --filter '*' --job short</c>; see
    /// benchmarks/README.md for the published runs. Exits 1 when a benchmark fails to build, set up or run, so CI's
    /// <c>--job dry</c> pass catches a broken benchmark. <c>--side-by-side NAME [ROUNDS] [CALLS]</c> runs the loop of
    /// <see cref="Support.SideBySide"/> instead, for a machine too busy for BenchmarkDotNet.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--side-by-side")
            {
                return Support.SideBySide.RunAsync(args[1..]).GetAwaiter().GetResult();
            }

            var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Value));
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();
            var failed = summaries.Count == 0
                || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
            return failed ? 1 : 0;
        }
    }
}
