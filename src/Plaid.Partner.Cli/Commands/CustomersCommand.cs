namespace Plaid.Partner.Cli.Commands
{
    /// <summary><c>plaid-partner customers list|show</c>: what the ledger knows, without calling Plaid.</summary>
    internal static class CustomersCommand
    {
        public static Command Create(CommandContext context)
        {
            var command = new Command("customers", "See the end customers in the ledger (as last read from Plaid; 'refresh' reads them again).");
            command.Subcommands.Add(List(context));
            command.Subcommands.Add(Show(context));
            return context.WithExamples(command, $"{CliApplication.Name} --emulator customers list", $"{CliApplication.Name} --emulator customers show acme-001");
        }

        private static Command List(CommandContext context)
        {
            var status = new Option<string?>("--status")
            {
                Description = "Only end customers with this status as last seen from Plaid (UNDER_REVIEW, PENDING_ENABLEMENT, ACTIVE, DENIED, …).",
                HelpName = "S",
            };
            var due = new Option<bool>("--due") { Description = "Only end customers with requirements due (beta onboarding)." };
            var inDoubt = new Option<bool>("--in-doubt") { Description = "Only records whose create is in doubt and needs 'plaid-partner settle'." };
            var stuck = new Option<bool>("--stuck") { Description = "Only end customers with an OAuth registration flagged stuck ('plaid-partner stuck' lists the registrations)." };
            var removed = new Option<bool>("--removed") { Description = "Only end customers removed with 'plaid-partner remove'." };
            var command = new Command("list", "List the end customers in the ledger, ordered by reference. --status and --due leave removed ones out.")
            {
                status, due, inDoubt, stuck, removed,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var chosen = new[] { result.GetValue(status) is not null, result.GetValue(due), result.GetValue(inDoubt), result.GetValue(stuck), result.GetValue(removed) }
                    .Count(c => c);
                if (chosen > 1)
                {
                    context.Host.Error.WriteLine($"{CliApplication.Name}: choose one of --status, --due, --in-doubt, --stuck and --removed.");
                    return ExitCodes.UsageOrConfiguration;
                }

                var filter = result.GetValue(status) is { } s ? EndCustomerFilter.WithStatus(new PartnerEndCustomerStatus(s.Trim().ToUpperInvariant()))
                    : result.GetValue(due) ? EndCustomerFilter.WithRequirementsDue
                    : result.GetValue(inDoubt) ? EndCustomerFilter.InDoubt
                    : result.GetValue(stuck) ? EndCustomerFilter.Stuck
                    : result.GetValue(removed) ? EndCustomerFilter.Removed
                    : EndCustomerFilter.All;
                return await ListAsync(context, result, filter, cancellation);
            });
            return context.WithExamples(
                command,
                $"{CliApplication.Name} --emulator customers list",
                $"{CliApplication.Name} customers list --status PENDING_ENABLEMENT --json",
                $"{CliApplication.Name} --emulator customers list --stuck");
        }

        private static async Task<int> ListAsync(CommandContext context, ParseResult result, EndCustomerFilter filter, CancellationToken cancellation)
        {
            var settings = context.Settings(result);
            var output = context.Output(settings);
            await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: false, cancellation);
            var records = new List<EndCustomerRecord>();
            string? after = null;
            do
            {
                var page = await session.Ledger.ListAsync(filter, after, EndCustomerLedger.MaxPageSize, cancellation);
                records.AddRange(page.Records);
                after = page.NextAfter;
            }
            while (after is not null);

            if (output.Json)
            {
                output.WriteDocument(new { customers = records.Select(r => RecordJson.From(r, detailed: false)).ToList() });
            }
            else
            {
                var table = output.NewTable("Reference", "Client ID", "Company", "Status", "Create", "Due", "Last read");
                foreach (var record in records)
                {
                    CliOutput.AddRow(
                        table,
                        record.Reference,
                        record.ClientId ?? "-",
                        record.CompanyName,
                        RecordText.Status(record),
                        RecordText.CreateState(record.CreateState),
                        record.RequirementsDue.Count == 0 ? "-" : string.Join(", ", record.RequirementsDue),
                        RecordText.Time(record.LastReadAt));
                }

                output.Write(table);
                output.Diagnostic($"{records.Count} end customers ({session.Location}).");
            }

            return records.Any(r => r.CreateState == EndCustomerCreateState.InDoubt) ? ExitCodes.InDoubt : ExitCodes.Ok;
        }

        private static Command Show(CommandContext context)
        {
            var reference = new Argument<string>("REF") { Description = "The end customer's reference (your own id for it)." };
            var command = new Command("show", "Show one end customer: its record, every status change with its time, and its OAuth institutions.") { reference };
            command.SetAction(async (result, cancellation) =>
            {
                var settings = context.Settings(result);
                var output = context.Output(settings);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: false, cancellation);
                var record = await session.Ledger.GetAsync(result.GetValue(reference)!, cancellation);
                if (record is null)
                {
                    output.Diagnostic($"{CliApplication.Name}: the ledger ({session.Location}) has no end customer '{result.GetValue(reference)}'.");
                    return ExitCodes.SomeFailed;
                }

                RecordView.Write(output, record);
                return record.CreateState == EndCustomerCreateState.InDoubt ? ExitCodes.InDoubt : ExitCodes.Ok;
            });
            return context.WithExamples(command, $"{CliApplication.Name} --emulator customers show acme-001", $"{CliApplication.Name} customers show acme-001 --json");
        }
    }
}
