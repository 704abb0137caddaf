using BenchmarkDotNet.Configs;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>Adds the Throughput ratio column to a benchmark class whose target is stated in calls per second.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputRatioColumn());
    }
}
