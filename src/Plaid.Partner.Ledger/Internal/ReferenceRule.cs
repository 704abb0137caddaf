namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>The rule for a partner's reference: not blank, not longer than <see cref="EndCustomerLedger.MaxReferenceLength"/>.</summary>
    internal static class ReferenceRule
    {
        public static string Check(string reference, string parameterName)
        {
            if (reference is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            if (string.IsNullOrWhiteSpace(reference))
            {
                throw new ArgumentException("The reference is empty or white space; use the partner's own unique id for the end customer.", parameterName);
            }

            if (reference.Length > EndCustomerLedger.MaxReferenceLength)
            {
                throw new ArgumentException(
                    $"The reference is {reference.Length} characters long; the ledger takes up to {EndCustomerLedger.MaxReferenceLength}.", parameterName);
            }

            return reference;
        }
    }
}
