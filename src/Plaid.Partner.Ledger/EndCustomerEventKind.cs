namespace Plaid.Partner.Ledger
{
    /// <summary>What changed in an <see cref="EndCustomerEvent"/>.</summary>
    public enum EndCustomerEventKind
    {
        /// <summary>The end customer's status changed (<see cref="EndCustomerEvent.Status"/> holds the new one).</summary>
        StatusChanged = 0,

        /// <summary>An institution's OAuth registration status changed (<see cref="EndCustomerEvent.OAuthStatus"/> holds the new one).</summary>
        OAuthStatusChanged = 1,

        /// <summary>
        /// An institution's OAuth registration was flagged stuck: not APPROVED or ENABLED the configured business days after
        /// the enable, or ATTENTION_REQUIRED (<see cref="EndCustomerEvent.Message"/> says why).
        /// </summary>
        RegistrationStuck = 2,

        /// <summary>What the beta API says is due changed (<see cref="EndCustomerEvent.RequirementsDue"/> holds the new list).</summary>
        RequirementsDueChanged = 3,
    }
}
