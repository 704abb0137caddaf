namespace Plaid.Partner.Cli.Output
{
    /// <summary>A ledger record as --json writes it (snake_case, times in UTC ISO 8601). Never a secret: the ledger holds none.</summary>
    internal sealed record RecordJson(
        string Reference,
        string? ClientId,
        string CompanyName,
        string ApplicationName,
        string Environment,
        string Api,
        string CreateState,
        string? Status,
        IReadOnlyList<string> RequirementsDue,
        string? LastError,
        DateTimeOffset RecordedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? LastReadAt,
        DateTimeOffset? RemovedAt,
        IReadOnlyList<StatusChangeJson>? StatusHistory,
        IReadOnlyList<OAuthJson>? OAuthInstitutions)
    {
        public static RecordJson From(EndCustomerRecord record, bool detailed) => new(
            record.Reference,
            record.ClientId,
            record.CompanyName,
            record.ApplicationName,
            record.Environment,
            record.Api.ToString().ToUpperInvariant(),
            RecordText.CreateState(record.CreateState),
            record.Status?.ToString(),
            record.RequirementsDue.Select(r => r.ToString()).ToList(),
            RecordText.Error(record.LastError),
            record.RecordedAt,
            record.UpdatedAt,
            record.LastReadAt,
            record.RemovedAt,
            detailed ? record.StatusHistory.Select(c => new StatusChangeJson(c.Status.ToString(), c.ChangedAt)).ToList() : null,
            detailed ? record.OAuthRegistrations.Select(o => new OAuthJson(o.InstitutionId, o.InstitutionName, o.Status?.ToString(), o.ChangedAt)).ToList() : null);
    }

    /// <summary>One status change.</summary>
    internal sealed record StatusChangeJson(string Status, DateTimeOffset ChangedAt);

    /// <summary>One institution's OAuth registration.</summary>
    internal sealed record OAuthJson(string InstitutionId, string? InstitutionName, string? Status, DateTimeOffset ChangedAt);
}
