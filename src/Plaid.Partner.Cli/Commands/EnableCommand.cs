namespace Plaid.Partner.Cli.Commands
{
    /// <summary>
    /// <c>plaid-partner enable REF | --all-pending</c>: enables end customers in Plaid (<c>/partner/customer/enable</c>),
    /// then reads each again through the ledger, so the ledger records the new status from Plaid's own answer.
    /// </summary>
    internal static class EnableCommand
    {
        public static Command Create(CommandContext context)
        {
            var reference = new Argument<string?>("REF") { Description = "The end customer to enable.", Arity = ArgumentArity.ZeroOrOne };
            var allPending = new Option<bool>("--all-pending") { Description = "Enable every end customer last seen as PENDING_ENABLEMENT." };
            var secretsOut = new Option<FileInfo?>("--secrets-out")
            {
                Description = "Append each enabled end customer's Production secret to FILE as JSON lines (created readable by you only). Without it the secret is not kept.",
                HelpName = "FILE",
            };
            var command = new Command("enable", "Enable end customers in Production (Plaid's /partner/customer/enable) and record their new status.")
            {
                reference, allPending, secretsOut,
            };
            command.SetAction(async (result, cancellation) =>
            {
                var one = result.GetValue(reference);
                if ((one is null) == !result.GetValue(allPending))
                {
                    context.Host.Error.WriteLine($"{CliApplication.Name}: enable needs a REF or --all-pending (not both).");
                    return ExitCodes.UsageOrConfiguration;
                }

                var settings = context.Settings(result);
                var output = context.Output(settings);
                await using var session = await LedgerSession.OpenAsync(settings, needsPlaid: true, cancellation);
                using var secrets = result.GetValue(secretsOut) is { } path ? SecretsFile.Open(path.FullName) : null;
                if (secrets is null)
                {
                    output.Diagnostic("Production secrets of enabled end customers are not kept (no --secrets-out): Plaid returns them once, in the enable's answer.");
                }

                var references = one is not null ? new List<string> { one } : await PendingAsync(session.Ledger, cancellation);
                var failed = 0;
                foreach (var next in references)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var line = await EnableAsync(session, secrets, next, cancellation);
                    failed += line.Failure is null ? 0 : 1;
                    if (output.Json)
                    {
                        output.WriteJsonLine(new { type = "customer", reference = next, client_id = line.ClientId, status = line.Status, failure = line.Failure });
                    }
                    else
                    {
                        output.WriteLine(line.Failure is null ? $"{next}: enabled {line.ClientId} {line.Status}" : $"{next}: failed: {line.Failure}");
                    }
                }

                output.Diagnostic($"{references.Count - failed} of {references.Count} end customers enabled.");
                return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
            });
            return context.WithExamples(
                command,
                $"{CliApplication.Name} --emulator enable acme-001 --secrets-out secrets.jsonl",
                $"{CliApplication.Name} enable --all-pending --secrets-out secrets.jsonl");
        }

        private static async Task<List<string>> PendingAsync(EndCustomerLedger ledger, CancellationToken cancellation)
        {
            var references = new List<string>();
            string? after = null;
            do
            {
                var page = await ledger.ListAsync(EndCustomerFilter.WithStatus(PartnerEndCustomerStatus.PendingEnablement), after, EndCustomerLedger.MaxPageSize, cancellation);
                references.AddRange(page.Records.Select(r => r.Reference));
                after = page.NextAfter;
            }
            while (after is not null);
            return references;
        }

        private static async Task<(string? ClientId, string? Status, string? Failure)> EnableAsync(LedgerSession session, SecretsFile? secrets, string reference, CancellationToken cancellation)
        {
            var record = await session.Ledger.GetAsync(reference, cancellation);
            if (record?.ClientId is not { } clientId)
            {
                return (null, null, record is null ? "the ledger has no such end customer" : "it has no client_id yet (its create did not succeed)");
            }

            try
            {
                // Once sent, the enable's answer is waited for: its secret is returned only once.
                var answer = await session.Client.EnableEndCustomerAsync(clientId, CancellationToken.None);
                if (answer.ProductionSecret is { } secret)
                {
                    secrets?.Write(reference, clientId, new PartnerEndCustomerSecrets { Production = secret });
                }

                await session.Ledger.RefreshAsync(reference, cancellation);
                var refreshed = await session.Ledger.GetAsync(reference, cancellation);
                return (clientId, refreshed?.Status?.ToString(), null);
            }
            catch (Exception e) when (e is PlaidApiException or InvalidOperationException)
            {
                return (clientId, record.Status?.ToString(), e.Message);
            }
        }
    }
}
