namespace Plaid.Partner.Ledger
{
    /// <summary>Which of Plaid's create endpoints made (or is making) an end customer.</summary>
    public enum OnboardingApi
    {
        /// <summary>The generally available <c>/partner/customer/create</c>.</summary>
        Ga = 0,

        /// <summary>The beta <c>/beta/partner/customer/v1/create</c>, which may leave requirements due.</summary>
        Beta = 1,
    }
}
