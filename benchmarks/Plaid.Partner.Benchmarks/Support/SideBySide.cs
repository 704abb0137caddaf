using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// The fallback for a machine too busy for BenchmarkDotNet (benchmarks/README.md, "Side by side"): a benchmark class's
    /// own setup and two of its methods, called in rounds with the sides interleaved, each round measured in process CPU
    /// time and allocated bytes. Other work on the machine slows both sides of a round alike, so the median of the
    /// per-round ratios is the figure; the times are a guide, the bytes exact.
    /// <c>dotnet run -c Release --project benchmarks/Plaid.Partner.Benchmarks -- --side-by-side GetEndCustomer 15 20000</c>.
    /// </summary>
    internal static class SideBySide
    {
        public static async Task<int> RunAsync(string[] args)
        {
            var name = args.Length > 0 ? args[0] : "GetEndCustomer";
            var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
            var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
            var (baseline, library) = await SidesAsync(name);

            // Warm-up until tiered compilation settles on both sides (P5 needs about 100,000 calls).
            for (var i = 0; i < 100_000; i++)
            {
                await baseline();
                await library();
            }

            var timeRatios = new List<double>();
            var baselineTimes = new List<double>();
            var libraryTimes = new List<double>();
            long baselineBytes = 0, libraryBytes = 0;
            for (var round = 0; round < rounds; round++)
            {
                var (bt, bb) = await MeasureAsync(baseline, calls);
                var (lt, lb) = await MeasureAsync(library, calls);
                baselineTimes.Add(bt);
                libraryTimes.Add(lt);
                timeRatios.Add(lt / bt);
                baselineBytes = bb;
                libraryBytes = lb;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1,2}: hand-written {bt:F2} µs, library {lt:F2} µs, ratio {lt / bt:F2}"));
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: median CPU time per call hand-written {Median(baselineTimes):F2} µs, library {Median(libraryTimes):F2} µs; " +
                $"median of round ratios {Median(timeRatios):F2}x (min {timeRatios.Min():F2}, max {timeRatios.Max():F2}); " +
                $"allocated {baselineBytes:N0} B vs {libraryBytes:N0} B ({(double)libraryBytes / baselineBytes:F2}x)"));
            return 0;
        }

        private static async Task<(Func<Task> Baseline, Func<Task> Library)> SidesAsync(string name)
        {
            switch (name)
            {
                case "GetEndCustomer":
                    var get = new GetEndCustomerBenchmarks();
                    await get.SetupAsync();
                    return (get.HandWritten, get.Client);
                case "FailedCall":
                    var failed = new FailedCallBenchmarks();
                    await failed.SetupAsync();
                    return (failed.HandWritten, failed.Client);
                case "PerRequest":
                    var perRequest = new PerRequestBenchmarks();
                    await perRequest.SetupAsync();
                    return (perRequest.TypedScopeResolveGet, perRequest.ClientScopeResolveGet);
                case "CreateEndCustomer":
                    var create = new CreateEndCustomerBenchmarks();
                    await create.SetupAsync();
                    return (create.HandWritten, create.Client);
                default:
                    throw new ArgumentException($"No side-by-side pair named {name}: GetEndCustomer, FailedCall, CreateEndCustomer or PerRequest.", nameof(name));
            }
        }

        // Process CPU time and allocated bytes per call over one round.
        private static async Task<(double Microseconds, long Bytes)> MeasureAsync(Func<Task> call, int calls)
        {
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call();
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            process.Refresh();
            var spent = process.TotalProcessorTime - cpu;
            return (spent.TotalMilliseconds * 1000 / calls, allocated / calls);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
