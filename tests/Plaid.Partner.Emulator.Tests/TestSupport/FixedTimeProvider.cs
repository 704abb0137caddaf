using System;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>A clock that says what the test sets, so <c>iat</c>, <c>created_at</c> and <c>expired_at</c> can be asserted exactly.</summary>
    internal sealed class FixedTimeProvider : TimeProvider
    {
        public FixedTimeProvider(DateTimeOffset now)
        {
            Now = now;
        }

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
