using System.Threading;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// Marks the async flow of the running test. The library's ActivitySource and Meter are process-wide, so a
    /// listener also hears work another test left running (a key refetch still in flight, for one); the recorders
    /// keep only what was started in the flow that created them.
    /// </summary>
    internal static class TestFlow
    {
        private static readonly AsyncLocal<object?> CurrentMarker = new();

        /// <summary>The running flow's marker, created on first use. Set from a synchronous call, so it stays with the caller.</summary>
        public static object Enter() => CurrentMarker.Value ??= new object();

        /// <summary>True when the code running now belongs to the flow that <paramref name="marker"/> came from.</summary>
        public static bool IsIn(object marker) => ReferenceEquals(CurrentMarker.Value, marker);
    }
}
