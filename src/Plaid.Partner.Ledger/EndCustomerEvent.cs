namespace Plaid.Partner.Ledger
{
    /// <summary>One change the ledger recorded, handed to each <see cref="IEndCustomerEvents"/> after it was stored.</summary>
    public sealed class EndCustomerEvent
    {
        internal EndCustomerEvent(
            EndCustomerEventKind kind,
            string reference,
            string? clientId,
            DateTimeOffset recordedAt,
            PartnerEndCustomerStatus? status = null,
            string? institutionId = null,
            string? institutionName = null,
            PartnerEndCustomerOAuthInstitutionApplicationStatus? oauthStatus = null,
            string? message = null,
            IReadOnlyList<PartnerEndCustomerRequirementDue>? requirementsDue = null)
        {
            Kind = kind;
            Reference = reference;
            ClientId = clientId;
            RecordedAt = recordedAt;
            Status = status;
            InstitutionId = institutionId;
            InstitutionName = institutionName;
            OAuthStatus = oauthStatus;
            Message = message;
            RequirementsDue = requirementsDue ?? Array.Empty<PartnerEndCustomerRequirementDue>();
        }

        /// <summary>What changed.</summary>
        public EndCustomerEventKind Kind { get; }

        /// <summary>The partner's reference of the end customer.</summary>
        public string Reference { get; }

        /// <summary>Plaid's <c>client_id</c> for the end customer, once known.</summary>
        public string? ClientId { get; }

        /// <summary>When the ledger recorded the change (UTC, by the ledger's <see cref="TimeProvider"/>).</summary>
        public DateTimeOffset RecordedAt { get; }

        /// <summary>For <see cref="EndCustomerEventKind.StatusChanged"/>: the new status.</summary>
        public PartnerEndCustomerStatus? Status { get; }

        /// <summary>For OAuth events: Plaid's institution id.</summary>
        public string? InstitutionId { get; }

        /// <summary>For OAuth events: the institution's name, when Plaid gave one.</summary>
        public string? InstitutionName { get; }

        /// <summary>For OAuth events: the registration's Production status.</summary>
        public PartnerEndCustomerOAuthInstitutionApplicationStatus? OAuthStatus { get; }

        /// <summary>For <see cref="EndCustomerEventKind.RegistrationStuck"/>: why (Plaid's error message for ATTENTION_REQUIRED).</summary>
        public string? Message { get; }

        /// <summary>For <see cref="EndCustomerEventKind.RequirementsDueChanged"/>: what is due now (empty when nothing is).</summary>
        public IReadOnlyList<PartnerEndCustomerRequirementDue> RequirementsDue { get; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{Kind} {Reference}" + (InstitutionId is null ? $": {Status?.ToString() ?? string.Join(" ", RequirementsDue)}" : $" {InstitutionId}: {OAuthStatus?.ToString() ?? "unknown"}");
    }
}
