namespace Plaid.Partner.Ledger
{
    /// <summary>What one <see cref="EndCustomerLedger"/> onboarding call did.</summary>
    public enum OnboardingOutcome
    {
        /// <summary>This call sent the create and Plaid created the end customer; the record holds its <c>client_id</c> and the result its secrets.</summary>
        Created = 0,

        /// <summary>
        /// The reference was already recorded (by an earlier call, or by another call or process at the same time), so
        /// nothing was sent; the result's record says where it stands.
        /// </summary>
        AlreadyRecorded = 1,

        /// <summary>This call sent the create and Plaid refused it; the error is recorded and a corrected request may go again.</summary>
        Refused = 2,

        /// <summary>Nothing left this machine (the connection was refused, for instance); the create may go again.</summary>
        NotSent = 3,

        /// <summary>This call sent the create and does not know whether Plaid created it: the record is in doubt and is never re-sent by itself.</summary>
        InDoubt = 4,

        /// <summary>
        /// Plaid created the end customer (the result carries its <c>client_id</c> and secrets) but the store failed to record it:
        /// the record stays pending and then in doubt until settled with that <c>client_id</c>.
        /// </summary>
        CreatedNotRecorded = 5,
    }
}
