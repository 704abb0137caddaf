using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>The baseline's mean over this row's mean: calls per second relative to the baseline (higher is better).</summary>
    public sealed class ThroughputRatioColumn : IColumn
    {
        public string Id => nameof(ThroughputRatioColumn);

        public string ColumnName => "Throughput ratio";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Calls per second relative to the baseline: baseline Mean / this Mean (higher is better)";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
            var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return baselineMean is double b && mean is double m && m > 0 ? (b / m).ToString("0.00", CultureInfo.InvariantCulture) : "?";
        }
    }
}
