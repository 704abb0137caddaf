using System.Net;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>Turns rows of <c>plaid_end_customers</c> (selected with <see cref="Columns"/>) into records.</summary>
    internal static class RecordReader
    {
        public const string Columns =
            "reference, api, environment, company_name, application_name, create_state, client_id, status, requirements_due, " +
            "error_http_status, error_type, error_code, error_message, error_request_id, recorded_at, updated_at, claimed_at, last_read_at, claim_id, removed_at";

        public static string ApiText(OnboardingApi api) => api == OnboardingApi.Beta ? "beta" : "ga";

        public static string StateText(EndCustomerCreateState state) => state.ToString();

        public static string? DueText(IReadOnlyList<PartnerEndCustomerRequirementDue>? due) =>
            due is null || due.Count == 0 ? null : string.Join(" ", due);

        public static (EndCustomerRecord Record, string? ClaimId) Read(
            DbDataReader row,
            IReadOnlyList<EndCustomerStatusChange>? history = null,
            IReadOnlyList<EndCustomerOAuthRegistration>? oauth = null)
        {
            var record = new EndCustomerRecord(
                reference: row.GetString(0),
                api: row.GetString(1) == "beta" ? OnboardingApi.Beta : OnboardingApi.Ga,
                environment: row.GetString(2),
                companyName: row.GetString(3),
                applicationName: row.GetString(4),
                createState: Enum.TryParse<EndCustomerCreateState>(row.GetString(5), out var state) ? state : EndCustomerCreateState.InDoubt,
                clientId: Text(row, 6),
                status: Text(row, 7) is { } status ? new PartnerEndCustomerStatus(status) : (PartnerEndCustomerStatus?)null,
                requirementsDue: Due(Text(row, 8)),
                lastError: Text(row, 10) is null && Int(row, 9) is null
                    ? null
                    : new EndCustomerCreateError(Int(row, 9) is { } http ? (HttpStatusCode)http : null, Text(row, 10), Text(row, 11), Text(row, 12), Text(row, 13)),
                recordedAt: Time(row.GetInt64(14)),
                updatedAt: Time(row.GetInt64(15)),
                claimedAt: Long(row, 16) is { } claimed ? Time(claimed) : null,
                lastReadAt: Long(row, 17) is { } read ? Time(read) : null,
                statusHistory: history ?? Array.Empty<EndCustomerStatusChange>(),
                oauthRegistrations: oauth ?? Array.Empty<EndCustomerOAuthRegistration>(),
                removedAt: Long(row, 19) is { } removed ? Time(removed) : null);
            return (record, Text(row, 18));
        }

        public static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

        public static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

        private static long? Long(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);

        private static int? Int(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToInt32(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

        private static IReadOnlyList<PartnerEndCustomerRequirementDue> Due(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return Array.Empty<PartnerEndCustomerRequirementDue>();
            }

            var names = text!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var due = new PartnerEndCustomerRequirementDue[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                due[i] = new PartnerEndCustomerRequirementDue(names[i]);
            }

            return due;
        }
    }
}
