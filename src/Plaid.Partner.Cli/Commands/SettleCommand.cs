namespace Plaid.Partner.Cli.Commands
{
    /// <summary><c>plaid-partner settle REF --client-id ID | --not-created</c>: resolves a record in doubt, after a look in Plaid's Dashboard.</summary>
    internal static class SettleCommand
    {
        public static Command Create(CommandContext context)
        {
            var reference = new Argument<string>("REF") { Description = "The reference of the record in doubt." };
            var clientId = new Option<string?>("--client-id")
            {
                Description = "Plaid created it: the client_id the Dashboard's End Customer Summary shows for it.",
                HelpName = "ID",
            };
            var notCreated = new Option<bool>("--not-created") { Description = "Plaid has no such end customer: the next onboard may send its create again." };
            var command = new Command("settle", "Resolve a record in doubt (a create whose answer was lost). Look the customer up in Plaid's Dashboard first: "
                + "Plaid's create is billable and has no idempotency key, so a wrong --not-created makes a second end customer.")
            {
                reference, clientId, notCreated,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var found = result.GetValue(clientId);
                var absent = result.GetValue(notCreated);
                if ((found is null) == !absent)
                {
                    context.Host.Error.WriteLine($"{CliApplication.Name}: settle needs exactly one of --client-id ID and --not-created.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var settings = context.Settings(result);
                var output = context.Output(settings);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: false, cancellation);
                EndCustomerRecord record;
                try
                {
                    record = found is not null
                        ? await session.Ledger.SettleAsCreatedAsync(result.GetValue(reference)!, found.Trim(), cancellation)
                        : await session.Ledger.SettleAsNotCreatedAsync(result.GetValue(reference)!, cancellation);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Collections.Generic.KeyNotFoundException)
                {
                    output.Diagnostic($"{CliApplication.Name}: {e.Message}");
                    return ExitCodes.SomeFailed;
                }

                RecordView.Write(output, record);
                return ExitCodes.Ok;
            });
            return context.WithExamples(
                command,
                $"{CliApplication.Name} settle acme-001 --client-id 7f57eb3d2a9j6480121fx361",
                $"{CliApplication.Name} settle acme-001 --not-created");
        }
    }
}
