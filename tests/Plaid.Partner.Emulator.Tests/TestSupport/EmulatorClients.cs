namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Clients for tests that inject faults on read paths (get, oauth_institutions/get, webhook key get).</summary>
    internal static class EmulatorClients
    {
        /// <summary>
        /// A client that makes one attempt per call. PlaidPartnerClient retries reads on 429/5xx, timeouts and connection
        /// failures with 1 s, 2 s, 4 s backoff: the test would wait through it, and a retry would use up a fault meant
        /// for the next call.
        /// </summary>
        public static PlaidPartnerClient CreateClientWithoutRetries(this PlaidPartnerEmulator emulator)
        {
            var options = emulator.CreateClientOptions();
            options.Retry.MaxRetryAttempts = 0;
            return new PlaidPartnerClient(options);
        }
    }
}
