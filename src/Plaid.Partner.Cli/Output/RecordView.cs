using Plaid.Partner.Cli.Commands.Onboarding;

namespace Plaid.Partner.Cli.Output
{
    /// <summary>One record in full: its fields, its status history and its OAuth institutions.</summary>
    internal static class RecordView
    {
        public static void Write(CliOutput output, EndCustomerRecord record)
        {
            if (output.Json)
            {
                output.WriteDocument(RecordJson.From(record, detailed: true));
                return;
            }

            var fields = output.NewTable("Field", "Value");
            CliOutput.AddRow(fields, "Reference", record.Reference);
            CliOutput.AddRow(fields, "Client ID", record.ClientId ?? "-");
            CliOutput.AddRow(fields, "Company", record.CompanyName);
            CliOutput.AddRow(fields, "Application", record.ApplicationName);
            CliOutput.AddRow(fields, "Environment", record.Environment);
            CliOutput.AddRow(fields, "API", record.Api.ToString().ToUpperInvariant());
            CliOutput.AddRow(fields, "Create", RecordText.CreateState(record.CreateState));
            CliOutput.AddRow(fields, "Status", record.Status?.ToString() ?? "-");
            CliOutput.AddRow(fields, "Removed", RecordText.Time(record.RemovedAt));
            CliOutput.AddRow(fields, "Requirements due", record.RequirementsDue.Count == 0 ? "-" : string.Join(", ", record.RequirementsDue));
            CliOutput.AddRow(fields, "Last error", RecordText.Error(record.LastError) ?? "-");
            CliOutput.AddRow(fields, "Recorded", RecordText.Time(record.RecordedAt));
            CliOutput.AddRow(fields, "Last read from Plaid", RecordText.Time(record.LastReadAt));
            output.Write(fields);

            var history = output.NewTable("Status", "Since");
            foreach (var change in record.StatusHistory)
            {
                CliOutput.AddRow(history, change.Status.ToString(), RecordText.Time(change.ChangedAt));
            }

            output.Heading("Status history");
            output.WriteOrNone(history, record.StatusHistory.Count);

            var institutions = output.NewTable("Institution", "Name", "OAuth status", "Since");
            foreach (var registration in record.OAuthRegistrations.OrderBy(r => r.InstitutionId, System.StringComparer.Ordinal))
            {
                CliOutput.AddRow(institutions, registration.InstitutionId, registration.InstitutionName ?? "-", registration.Status?.ToString() ?? "-", RecordText.Time(registration.ChangedAt));
            }

            output.Heading("OAuth institutions");
            output.WriteOrNone(institutions, record.OAuthRegistrations.Count);
            if (record.CreateState == EndCustomerCreateState.InDoubt)
            {
                output.Diagnostic($"in doubt: {InDoubtAdvice.For(record.Reference, record.ClientId)}");
            }
        }
    }
}
