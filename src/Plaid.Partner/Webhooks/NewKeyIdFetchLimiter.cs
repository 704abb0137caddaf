using System;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Allows at most a fixed number of look-ups of never-seen key ids per minute, so a flood of forged webhooks with
    /// random <c>kid</c>s cannot become a flood of requests to Plaid (which would rate-limit the partner).
    /// </summary>
    internal sealed class NewKeyIdFetchLimiter
    {
        private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        private readonly int _perWindow;
        private readonly object _gate = new();
        private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
        private int _used;

        public NewKeyIdFetchLimiter(int perMinute)
        {
            _perWindow = perMinute;
        }

        public bool TryAcquire(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (now - _windowStart >= Window || now < _windowStart)
                {
                    _windowStart = now;
                    _used = 0;
                }

                if (_used >= _perWindow)
                {
                    return false;
                }

                _used++;
                return true;
            }
        }
    }
}
