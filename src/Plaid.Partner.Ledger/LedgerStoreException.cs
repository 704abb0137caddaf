namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// The ledger's store failed (unreachable, refused the credentials, a broken file). When an onboarding call throws it,
    /// nothing was sent to Plaid. The message names the store and the operation, never the connection string.
    /// </summary>
    public class LedgerStoreException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What failed.</param>
        /// <param name="innerException">The provider's exception.</param>
        public LedgerStoreException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
