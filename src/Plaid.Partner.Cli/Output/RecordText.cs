using System.Globalization;

namespace Plaid.Partner.Cli.Output
{
    /// <summary>How record fields read in tables and JSON alike.</summary>
    internal static class RecordText
    {
        public static string CreateState(EndCustomerCreateState state) => state switch
        {
            EndCustomerCreateState.Pending => "pending",
            EndCustomerCreateState.Created => "created",
            EndCustomerCreateState.Refused => "refused",
            EndCustomerCreateState.NotSent => "not_sent",
            EndCustomerCreateState.InDoubt => "in_doubt",
            EndCustomerCreateState.NotCreated => "not_created",
            _ => state.ToString().ToUpperInvariant(),
        };

        public static string? Error(EndCustomerCreateError? error) =>
            error is null ? null : $"{error.ErrorCode ?? error.ErrorType ?? "error"}: {error.ErrorMessage}";

        /// <summary>The status as last seen from Plaid, marked when the end customer was removed since.</summary>
        public static string Status(EndCustomerRecord record)
        {
            var status = record.Status?.ToString() ?? "-";
            return record.RemovedAt is null ? status : $"{status} (removed)";
        }

        public static string Time(DateTimeOffset? time) =>
            time is null ? "-" : time.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
