namespace Plaid.Partner.Cli.Commands
{
    /// <summary>
    /// <c>plaid-partner remove REF --yes</c>: removes an end customer through the ledger (Plaid's <c>/partner/customer/remove</c>)
    /// and records the removal. Plaid deactivates its API keys at once and cannot bring it back, so nothing is sent without
    /// <c>--yes</c>: the command then only says what it would remove.
    /// </summary>
    internal static class RemoveCommand
    {
        public const string Name = "remove";

        public static Command Create(CommandContext context)
        {
            var reference = new Argument<string>("REF") { Description = "The end customer to remove (your reference for it)." };
            var yes = new Option<bool>("--yes") { Description = "Remove it. Without --yes nothing is sent: the command shows what it would remove and exits 2." };
            var command = new Command(Name, "Remove an end customer at Plaid (Plaid's /partner/customer/remove) and record the removal in the ledger. "
                + "Plaid deactivates its API keys and hides it from the Dashboard, and removes only end customers not yet enabled in Production "
                + "(an ACTIVE one is removed by your Plaid account manager). The record stays, shows the removal, and is no longer refreshed.")
            {
                reference, yes,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var settings = context.Settings(result);
                var output = context.Output(settings);
                var confirmed = result.GetValue(yes);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: confirmed, cancellation);
                var name = result.GetValue(reference)!;
                return confirmed
                    ? await RemoveAsync(session, output, name, cancellation)
                    : await PreviewAsync(session, output, name, cancellation);
            });
            return context.WithExamples(
                command,
                $"{CliApplication.Name} --emulator remove acme-001          # shows what it would remove; sends nothing",
                $"{CliApplication.Name} --emulator remove acme-001 --yes",
                $"{CliApplication.Name} remove acme-001 --yes --json");
        }

        private static async Task<int> PreviewAsync(LedgerSession session, CliOutput output, string reference, CancellationToken cancellation)
        {
            var record = await session.Ledger.GetAsync(reference, cancellation);
            if (record is null)
            {
                output.Diagnostic($"{CliApplication.Name}: the ledger ({session.Location}) has no end customer '{reference}'.");
                return ExitCodes.SomeFailed;
            }

            if (record.RemovedAt is { } removedAt)
            {
                output.Diagnostic($"{reference} was removed already, {RecordText.Time(removedAt)}.");
                return ExitCodes.Ok;
            }

            output.Diagnostic(
                $"Would remove {reference} ({record.ClientId ?? "no client_id"}, {record.CompanyName}, {record.Status?.ToString() ?? "status unknown"}): "
                + "Plaid deactivates its API keys and hides it from the Dashboard, for good. Nothing was sent; add --yes to remove it.");
            return ExitCodes.UsageOrConfiguration;
        }

        private static async Task<int> RemoveAsync(LedgerSession session, CliOutput output, string reference, CancellationToken cancellation)
        {
            // Read first only to say "already" (the ledger's RemoveAsync sends nothing for a removed record either).
            var before = await session.Ledger.GetAsync(reference, cancellation);
            var already = before?.RemovedAt is not null;
            EndCustomerRecord record;
            try
            {
                record = already ? before! : await session.Ledger.RemoveAsync(reference, cancellation);
            }
            catch (PlaidApiException e) when (e.ErrorCode == PlaidPartnerErrorCodes.CustomerRemovalNotAllowed)
            {
                output.Diagnostic($"{CliApplication.Name}: Plaid refused to remove {reference} ({e.ErrorCode}): it is enabled in Production; "
                    + "Plaid's reseller guide says your Plaid account manager removes such end customers. Nothing was recorded.");
                return ExitCodes.SomeFailed;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or PlaidApiException)
            {
                output.Diagnostic($"{CliApplication.Name}: {reference} was not removed: {e.Message}");
                return ExitCodes.SomeFailed;
            }

            if (output.Json)
            {
                output.WriteDocument(RecordJson.From(record, detailed: false));
            }
            else
            {
                output.WriteLine(already
                    ? $"{reference}: removed already, {RecordText.Time(record.RemovedAt)} ({record.ClientId}); nothing was sent"
                    : $"{reference}: removed {record.ClientId} {RecordText.Time(record.RemovedAt)}");
            }

            return ExitCodes.Ok;
        }
    }
}
