using System;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The callback state of <see cref="PlaidResilience.RetryAfterFirstFailureAsync{T}"/>: the first time the retry
    /// pipeline calls it, it fails with the failure the client already saw; every later call is a real attempt.
    /// </summary>
    internal sealed class ReplayFirstFailure<T>
    {
        private readonly Func<CancellationToken, ValueTask<T>> _attempt;
        private Exception? _firstFailure;

        public ReplayFirstFailure(Exception firstFailure, Func<CancellationToken, ValueTask<T>> attempt)
        {
            _firstFailure = firstFailure;
            _attempt = attempt;
        }

        public ValueTask<T> NextAsync(CancellationToken cancellationToken)
        {
            var replay = Interlocked.Exchange(ref _firstFailure, null);
            return replay is not null ? new ValueTask<T>(Task.FromException<T>(replay)) : _attempt(cancellationToken);
        }
    }
}
