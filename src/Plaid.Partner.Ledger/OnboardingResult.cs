namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// What an onboarding call did and the record as it now stands. The end customer's secrets, returned by Plaid once,
    /// are here only when this call created it; the ledger never stores them, so keep them where your secrets live.
    /// </summary>
    public sealed class OnboardingResult
    {
        internal OnboardingResult(OnboardingOutcome outcome, EndCustomerRecord record, PartnerEndCustomerSecrets? secrets, Exception? failure)
        {
            Outcome = outcome;
            Record = record;
            Secrets = secrets;
            Failure = failure;
        }

        /// <summary>What this call did.</summary>
        public OnboardingOutcome Outcome { get; }

        /// <summary>Whether this call sent a create to Plaid (false when the reference was already recorded or nothing left the machine).</summary>
        public bool Sent => Outcome is OnboardingOutcome.Created or OnboardingOutcome.Refused or OnboardingOutcome.InDoubt or OnboardingOutcome.CreatedNotRecorded;

        /// <summary>The record after this call (for <see cref="OnboardingOutcome.CreatedNotRecorded"/>, what the store should have recorded).</summary>
        public EndCustomerRecord Record { get; }

        /// <summary>The end customer's Sandbox and Production secrets, only when this call created it.</summary>
        public PartnerEndCustomerSecrets? Secrets { get; }

        /// <summary>
        /// The exception behind <see cref="OnboardingOutcome.Refused"/>, <see cref="OnboardingOutcome.NotSent"/>,
        /// <see cref="OnboardingOutcome.InDoubt"/> or <see cref="OnboardingOutcome.CreatedNotRecorded"/>; null otherwise.
        /// </summary>
        public Exception? Failure { get; }

        /// <inheritdoc />
        public override string ToString() => $"OnboardingResult {{ Outcome = {Outcome}, Record = {Record} }}";
    }
}
