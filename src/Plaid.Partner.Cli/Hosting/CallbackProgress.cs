namespace Plaid.Partner.Cli.Hosting
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> that reports on the caller's thread, at once: <see cref="Progress{T}"/> posts to the
    /// thread pool, so its last reports could arrive after the command has written its summary.
    /// </summary>
    internal sealed class CallbackProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;
        private readonly object _lock = new();

        public CallbackProgress(Action<T> report)
        {
            _report = report;
        }

        public void Report(T value)
        {
            lock (_lock)
            {
                _report(value);
            }
        }
    }
}
