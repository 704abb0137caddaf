namespace Plaid.Partner.Emulator
{
    /// <summary>What an <see cref="EmulatorFault"/> does to the requests it catches.</summary>
    public enum EmulatorFaultKind
    {
        /// <summary>Answer with an HTTP status (and a Plaid error body, or the given body), optionally with Retry-After.</summary>
        Status,

        /// <summary>Answer 429 RATE_LIMIT_EXCEEDED / RATE_LIMIT (Plaid API docs, Errors › Rate limit exceeded errors), optionally with Retry-After.</summary>
        RateLimit,

        /// <summary>Wait, then handle the request normally.</summary>
        Delay,

        /// <summary>Close the connection without answering.</summary>
        DropConnection,
    }
}
