using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>Adds the throughput ratio columns (and the median) to a benchmark class whose target is in calls per second.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() =>
            AddColumn(StatisticColumn.Median, new ThroughputRatioColumn(medians: false), new ThroughputRatioColumn(medians: true));
    }
}
