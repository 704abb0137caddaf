namespace Plaid.Partner.Internal
{
    /// <summary>
    /// What Plaid's message for a partner error leaves out but its documentation says, added to the exception's message:
    /// "this customer has already been created" does not say what made it the same customer.
    /// </summary>
    internal static class PartnerErrorHints
    {
        /// <summary>The hint for <paramref name="errorCode"/>, or null.</summary>
        public static string? For(string? errorCode) => errorCode switch
        {
            PlaidPartnerErrorCodes.CustomerAlreadyCreated =>
                "application_name must be unique: it cannot match the name of another application already registered with Plaid "
                + "(Plaid API docs, Partner › /partner/customer/create)",
            _ => null,
        };
    }
}
