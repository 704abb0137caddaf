using System;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress{T} posts to the thread pool later).</summary>
    public sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;
        private readonly object _lock = new();

        public SynchronousProgress(Action<T> report) => _report = report;

        public void Report(T value)
        {
            lock (_lock)
            {
                _report(value);
            }
        }
    }
}
