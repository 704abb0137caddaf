using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// Calls per second relative to the baseline (higher is better): the baseline's mean over this row's, or the same
    /// with medians, which a few iterations disturbed by other work on a shared machine move much less.
    /// </summary>
    public sealed class ThroughputRatioColumn : IColumn
    {
        private readonly bool _medians;

        public ThroughputRatioColumn(bool medians) => _medians = medians;

        public string Id => nameof(ThroughputRatioColumn) + (_medians ? ".Medians" : ".Means");

        public string ColumnName => _medians ? "Throughput ratio (medians)" : "Throughput ratio";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => _medians ? 1 : 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => _medians
            ? "Calls per second relative to the baseline from medians: baseline Median / this Median (higher is better)"
            : "Calls per second relative to the baseline: baseline Mean / this Mean (higher is better)";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
            var baselineValue = baseline is null ? null : Pick(summary[baseline]?.ResultStatistics);
            var value = Pick(summary[benchmarkCase]?.ResultStatistics);
            return baselineValue is double b && value is double v && v > 0 ? (b / v).ToString("0.00", CultureInfo.InvariantCulture) : "?";
        }

        private double? Pick(Statistics? statistics) => statistics is null ? null : _medians ? statistics.Median : statistics.Mean;
    }
}
