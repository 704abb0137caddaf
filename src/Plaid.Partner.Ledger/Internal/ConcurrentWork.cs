using System.Collections.Concurrent;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>Runs one piece of work per item, at most a given number at once: the shape of every batch refresh.</summary>
    internal static class ConcurrentWork
    {
        public static Task RunAsync<T>(IReadOnlyCollection<T> items, int maxConcurrency, Func<T, Task> work, CancellationToken cancellationToken)
        {
            var queue = new ConcurrentQueue<T>(items);
            var workers = new Task[Math.Min(maxConcurrency, Math.Max(1, items.Count))];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(
                    async () =>
                    {
                        while (queue.TryDequeue(out var item))
                        {
                            await work(item).ConfigureAwait(false);
                        }
                    },
                    cancellationToken);
            }

            return Task.WhenAll(workers);
        }
    }
}
