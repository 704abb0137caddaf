using Plaid.Partner.Ledger.Internal;

namespace Plaid.Partner.Cli.Commands
{
    /// <summary><c>plaid-partner stuck [--after N]</c>: the OAuth registrations the ledger flagged stuck, without calling Plaid.</summary>
    internal static class StuckCommand
    {
        private const string AttentionRequired = "ATTENTION_REQUIRED";

        public static Command Create(CommandContext context)
        {
            var after = new Option<int?>("--after")
            {
                Description = "Only registrations waiting at least N business days (Monday to Friday, UTC) since the end customer was first seen ACTIVE; "
                    + $"ATTENTION_REQUIRED ones always show. Refresh flags with the ledger's {EndCustomerLedgerOptions.DefaultStuckAfterBusinessDays} days, "
                    + "so N can only narrow the list. 1 to 60.",
                HelpName = "N",
            };
            var command = new Command(
                "stuck",
                "List the OAuth registrations the ledger flagged stuck: not APPROVED or ENABLED some business days after the end customer's enable, "
                + "or ATTENTION_REQUIRED, with Plaid's message (Plaid's reseller guide: contact your Plaid account manager then). 'Days waiting' counts "
                + "business days since the ledger first saw the end customer ACTIVE. Flags are set when records are refreshed, so run "
                + $"'{CliApplication.Name} refresh --all' first for the current picture; this command does not call Plaid.")
            {
                after,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var minimum = result.GetValue(after);
                if (minimum is < 1 or > 60)
                {
                    context.Host.Error.WriteLine($"{CliApplication.Name}: --after must be 1 to 60 business days, not {minimum}.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var settings = context.Settings(result);
                var output = context.Output(settings);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: false, cancellation);
                var now = DateTimeOffset.UtcNow;
                var stuck = (await session.Ledger.ListStuckAsync(cancellation))
                    .Select(s => (Registration: s, Days: s.EnabledAt is { } enabled ? BusinessDays.Between(enabled, now) : (int?)null))
                    .Where(s => minimum is null || s.Registration.Status?.ToString() == AttentionRequired || s.Days >= minimum)
                    .ToList();

                if (output.Json)
                {
                    output.WriteDocument(new
                    {
                        stuck = stuck.Select(s => new
                        {
                            reference = s.Registration.Reference,
                            client_id = s.Registration.ClientId,
                            institution_id = s.Registration.InstitutionId,
                            institution_name = s.Registration.InstitutionName,
                            oauth_status = s.Registration.Status?.ToString(),
                            business_days_waiting = s.Days,
                            enabled_at = s.Registration.EnabledAt,
                            flagged_at = s.Registration.FlaggedAt,
                            message = s.Registration.Reason,
                        }).ToList(),
                    });
                }
                else
                {
                    var table = output.NewTable("Reference", "Client ID", "Institution", "OAuth status", "Days waiting", "Message");
                    foreach (var (registration, days) in stuck)
                    {
                        CliOutput.AddRow(
                            table,
                            registration.Reference,
                            registration.ClientId ?? "-",
                            registration.InstitutionName is { } name ? $"{name} ({registration.InstitutionId})" : registration.InstitutionId,
                            registration.Status?.ToString() ?? "-",
                            days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                            registration.Reason);
                    }

                    output.Write(table);
                    output.Diagnostic($"{stuck.Count} stuck registrations ({session.Location}); '{CliApplication.Name} refresh --all' updates the flags.");
                }

                return ExitCodes.Ok;
            });
            return context.WithExamples(
                command,
                $"{CliApplication.Name} --emulator refresh --all && {CliApplication.Name} --emulator stuck",
                $"{CliApplication.Name} stuck --after 5 --json");
        }
    }
}
