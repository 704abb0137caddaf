namespace Plaid.Partner.Internal
{
    /// <summary>What an operation does, which decides its checks and whether it is retried (<see cref="PlaidCallPipeline"/>).</summary>
    internal enum PlaidCallKind
    {
        /// <summary>Only reads: sent in any environment and retried on transient failures.</summary>
        Read,

        /// <summary>
        /// Only reads, but sent once: the webhook verifier's key fetch answers a delivery that Plaid gives 10 seconds and
        /// delivers again when it gets no 200, so a retry's wait would only make the answer late.
        /// </summary>
        ReadOnce,

        /// <summary>Changes state: sent once.</summary>
        Write,

        /// <summary>Creates an end customer: refused outside Production before anything is sent (Plaid creates them only there); sent once.</summary>
        CreateInProduction,

        /// <summary>
        /// Changes an end customer made by the beta create: refused outside Production, where that create makes none; sent once.
        /// </summary>
        ChangeInProduction,

        /// <summary>
        /// Sandbox's sample answer to a create, asked for on purpose: refused in Production, where it would create a real
        /// customer; sent once. Its refusal and an invalid request come out in the returned Task.
        /// </summary>
        SandboxSample,
    }
}
