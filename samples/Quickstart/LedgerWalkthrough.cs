using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// The ledger keeping watch over OAuth registrations: an end customer onboarded and enabled through it, the emulator's
    /// clock moved a week on, and a refresh that flags the registrations still PROCESSING after three business days.
    /// </summary>
    internal static class LedgerWalkthrough
    {
        private const string Reference = "quickstart-ledger-1";

        public static async Task<bool> RunAsync(StepRunner steps, PlaidPartnerEmulator emulator)
        {
            // A throwaway SQLite file: the ledger's embedded store.
            var path = Path.Combine(Path.GetTempPath(), $"plaid-quickstart-ledger-{Guid.NewGuid():N}.db");
            try
            {
                await using var ledger = new EndCustomerLedger(emulator.CreateClient(), new EndCustomerLedgerOptions().UseSqlite(path), logger: null, timeProvider: emulator.Clock);
                return await steps.RunAsync("ledger: stuck registration flagged", async () =>
                {
                    await emulator.SetOAuthScheduleAsync("ins_128026", EmulatorOAuthSchedule.StaysProcessing);
                    var created = await ledger.OnboardAsync(Reference, EmulatorWalkthrough.NewCustomer("Quickstart Ledger"));
                    var id = created.Record.ClientId!;
                    await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
                    await emulator.CreateClient().EnableEndCustomerAsync(id);
                    await ledger.RefreshAsync(Reference);
                    var before = await ledger.ListStuckAsync();

                    await emulator.AdvanceClockAsync(TimeSpan.FromDays(7));
                    await ledger.RefreshAsync(Reference);
                    var stuck = await ledger.ListStuckAsync();
                    if (before.Count != 0 || !stuck.Any(s => s.InstitutionId == "ins_128026"))
                    {
                        throw new InvalidOperationException($"Expected Capital One flagged after a week and nothing before; got {before.Count} before, {stuck.Count} after.");
                    }

                    return string.Join("; ", stuck.Select(s => $"{s.InstitutionName ?? s.InstitutionId} {s.Status} flagged {s.FlaggedAt:yyyy-MM-dd}"))
                        + " (Plaid's reseller guide: contact your account manager)";
                });
            }
            finally
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }
}
