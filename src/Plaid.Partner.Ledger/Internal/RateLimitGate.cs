using System.Globalization;
using System.Net;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// Slows a whole refresh batch down when Plaid answers 429: every worker waits until the pause is over before its
    /// next call. The pause is Plaid's <c>Retry-After</c> when given, else one second, doubling while 429s keep coming
    /// (up to 30 seconds), and back to one second after a call succeeds.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

        private readonly TimeProvider _time;
        private readonly object _lock = new();
        private DateTimeOffset _until;
        private TimeSpan _next = First;
        private int _pauses;

        public RateLimitGate(TimeProvider time) => _time = time;

        public int Pauses => Volatile.Read(ref _pauses);

        public static bool IsRateLimit(Exception exception) => exception is PlaidApiException { StatusCode: (HttpStatusCode)429 };

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_lock)
            {
                wait = _until - _time.GetUtcNow();
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Pause(PlaidApiException rateLimited)
        {
            var asked = RetryAfter(rateLimited);
            lock (_lock)
            {
                var pause = asked ?? _next;
                _next = TimeSpan.FromTicks(Math.Min(Longest.Ticks, _next.Ticks * 2));
                var until = _time.GetUtcNow() + pause;
                if (until > _until)
                {
                    _until = until;
                }

                _pauses++;
            }
        }

        public void Succeeded()
        {
            lock (_lock)
            {
                _next = First;
            }
        }

        private static TimeSpan? RetryAfter(PlaidApiException exception)
        {
            foreach (var header in exception.ResponseHeaders)
            {
                if (string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(header.Value.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
                }
            }

            return null;
        }
    }
}
