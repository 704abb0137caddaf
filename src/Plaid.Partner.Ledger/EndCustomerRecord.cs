namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// The ledger's record of one end customer, keyed by the partner's own reference. It never holds the end customer's
    /// secrets: Plaid returns them once, to the onboarding call, which hands them to the caller.
    /// </summary>
    public sealed class EndCustomerRecord
    {
        internal EndCustomerRecord(
            string reference,
            OnboardingApi api,
            string environment,
            string companyName,
            string applicationName,
            EndCustomerCreateState createState,
            string? clientId,
            PartnerEndCustomerStatus? status,
            IReadOnlyList<PartnerEndCustomerRequirementDue> requirementsDue,
            EndCustomerCreateError? lastError,
            DateTimeOffset recordedAt,
            DateTimeOffset updatedAt,
            DateTimeOffset? claimedAt,
            DateTimeOffset? lastReadAt,
            IReadOnlyList<EndCustomerStatusChange> statusHistory,
            IReadOnlyList<EndCustomerOAuthRegistration> oauthRegistrations,
            DateTimeOffset? removedAt = null)
        {
            Reference = reference;
            Api = api;
            Environment = environment;
            CompanyName = companyName;
            ApplicationName = applicationName;
            CreateState = createState;
            ClientId = clientId;
            Status = status;
            RequirementsDue = requirementsDue;
            LastError = lastError;
            RecordedAt = recordedAt;
            UpdatedAt = updatedAt;
            ClaimedAt = claimedAt;
            LastReadAt = lastReadAt;
            StatusHistory = statusHistory;
            OAuthRegistrations = oauthRegistrations;
            RemovedAt = removedAt;
        }

        /// <summary>The partner's own unique reference for this end customer (e.g. its account id).</summary>
        public string Reference { get; }

        /// <summary>Which create endpoint made it: GA or beta.</summary>
        public OnboardingApi Api { get; }

        /// <summary>The name of the Plaid environment it was created in (<c>production</c>, or the emulator's stand-in).</summary>
        public string Environment { get; }

        /// <summary>The company name sent with the create.</summary>
        public string CompanyName { get; }

        /// <summary>The application name sent with the create.</summary>
        public string ApplicationName { get; }

        /// <summary>Where the ledger's own create stands; <see cref="EndCustomerCreateState.InDoubt"/> needs an operator.</summary>
        public EndCustomerCreateState CreateState { get; }

        /// <summary>Plaid's <c>client_id</c> for the end customer, once known.</summary>
        public string? ClientId { get; }

        /// <summary>The end customer's status as last seen from Plaid, once known.</summary>
        public PartnerEndCustomerStatus? Status { get; }

        /// <summary>What the beta API says is still due (empty when nothing is, or for a GA record).</summary>
        public IReadOnlyList<PartnerEndCustomerRequirementDue> RequirementsDue { get; }

        /// <summary>Why the last create failed, when it did; cleared when a create is sent again.</summary>
        public EndCustomerCreateError? LastError { get; }

        /// <summary>When the ledger first recorded the reference (UTC).</summary>
        public DateTimeOffset RecordedAt { get; }

        /// <summary>When the record last changed (UTC).</summary>
        public DateTimeOffset UpdatedAt { get; }

        /// <summary>When the current create was claimed, while it is <see cref="EndCustomerCreateState.Pending"/> or in doubt.</summary>
        public DateTimeOffset? ClaimedAt { get; }

        /// <summary>When the ledger last read the end customer from Plaid (its create's answer counts), once it has.</summary>
        public DateTimeOffset? LastReadAt { get; }

        /// <summary>Every status change, oldest first. Filled by <see cref="EndCustomerLedger.GetAsync"/>; empty in a page of records.</summary>
        public IReadOnlyList<EndCustomerStatusChange> StatusHistory { get; }

        /// <summary>The OAuth registration with each institution. Filled by <see cref="EndCustomerLedger.GetAsync"/>; empty in a page of records.</summary>
        public IReadOnlyList<EndCustomerOAuthRegistration> OAuthRegistrations { get; }

        /// <summary>
        /// When the end customer was removed through <see cref="EndCustomerLedger.RemoveAsync"/> (UTC); null while it is not.
        /// A removed record keeps its last status from Plaid and is no longer refreshed.
        /// </summary>
        public DateTimeOffset? RemovedAt { get; }

        /// <summary>
        /// Whether <see cref="EndCustomerLedger.RefreshAllAsync(EndCustomerFilter, int, IProgress{RefreshResult}?, System.Threading.CancellationToken)"/>
        /// reads this end customer from Plaid: created, with its <c>client_id</c>, neither denied nor removed.
        /// </summary>
        public bool IsRefreshable =>
            CreateState == EndCustomerCreateState.Created && ClientId is not null && Status != PartnerEndCustomerStatus.Denied && RemovedAt is null;

        /// <inheritdoc />
        public override string ToString() =>
            $"EndCustomerRecord {{ Reference = {Reference}, CreateState = {CreateState}, ClientId = {ClientId ?? "none"}, Status = {Status?.ToString() ?? "unknown"}, Api = {Api}"
            + (RemovedAt is null ? " }" : ", Removed }");
    }
}
