using System;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>A clock stopped at one instant, so a token signed in setup stays inside the 5-minute window for the whole run.</summary>
    internal sealed class FixedTimeProvider : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTimeProvider(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
