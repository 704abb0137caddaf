namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>What an operator does about a record in doubt (the same words in every command that shows one).</summary>
    internal static class InDoubtAdvice
    {
        public const string Why =
            "A create may have reached Plaid without its answer reaching us. Plaid's create is billable and takes no idempotency key, so it is never re-sent by itself.";

        public static string For(string reference, string? clientId) => clientId is not null
            ? $"Plaid created it as {clientId} but the ledger could not record it: {CliApplication.Name} settle {reference} --client-id {clientId}"
            : $"Find '{reference}' in Plaid's Dashboard (End Customer Summary). There: {CliApplication.Name} settle {reference} --client-id <its client_id>. "
                + $"Not there: {CliApplication.Name} settle {reference} --not-created, then onboard again.";
    }
}
