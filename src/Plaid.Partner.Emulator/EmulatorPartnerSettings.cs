namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// The state of the emulated reseller team that Plaid checks on create and enable. The defaults are a team with
    /// nothing outstanding; change one to make the matching partner error reachable (see the emulator's README).
    /// </summary>
    public sealed class EmulatorPartnerSettings
    {
        /// <summary>
        /// Whether the team has completed its flowdown. When false, create and enable answer FLOWDOWN_NOT_COMPLETE and
        /// oauth_institutions/get reports <c>flowdown_status</c> NOT_STARTED. Defaults to true.
        /// </summary>
        public bool FlowdownComplete { get; set; } = true;

        /// <summary>
        /// Whether the team has submitted its security questionnaire. When false, create and enable answer
        /// QUESTIONNAIRE_NOT_COMPLETE and oauth_institutions/get reports <c>questionnaire_status</c> NOT_STARTED.
        /// Defaults to true.
        /// </summary>
        public bool QuestionnaireComplete { get; set; } = true;

        /// <summary>
        /// Whether the team has billing and technical contacts filled in in the Dashboard. When false, a create without
        /// <c>billing_contact</c> and <c>technical_contact</c> answers CONTACT_REQUIRED. Defaults to true.
        /// </summary>
        public bool ContactsOnFile { get; set; } = true;

        /// <summary>
        /// Whether the team has a monthly service commitment. When true, a create without
        /// <c>assets_under_management</c> answers ASSETS_UNDER_MANAGEMENT_REQUIRED. Defaults to false.
        /// </summary>
        public bool MonthlyServiceCommitment { get; set; }

        /// <summary>
        /// Whether the co-branded consent pane is in use. When true, a create with <c>create_link_customization</c>
        /// true and no <c>logo</c> answers LOGO_REQUIRED. Defaults to true.
        /// </summary>
        public bool CoBrandedConsentInUse { get; set; } = true;

        /// <summary>Shows every setting.</summary>
        public override string ToString() =>
            $"EmulatorPartnerSettings {{ FlowdownComplete = {FlowdownComplete}, QuestionnaireComplete = {QuestionnaireComplete}, "
                + $"ContactsOnFile = {ContactsOnFile}, MonthlyServiceCommitment = {MonthlyServiceCommitment}, CoBrandedConsentInUse = {CoBrandedConsentInUse} }}";

        internal EmulatorPartnerSettings Copy() => (EmulatorPartnerSettings)MemberwiseClone();
    }
}
