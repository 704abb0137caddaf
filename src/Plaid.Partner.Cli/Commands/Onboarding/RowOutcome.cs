namespace Plaid.Partner.Cli.Commands.Onboarding
{
    /// <summary>What happened to one row, as a person reads it and as --json writes it.</summary>
    internal enum RowOutcomeKind
    {
        /// <summary>Sent now, and Plaid created the end customer.</summary>
        Created,

        /// <summary>The ledger already had the reference: nothing was sent.</summary>
        AlreadyRecorded,

        /// <summary>Plaid refused the create; fix the row and run again.</summary>
        Refused,

        /// <summary>Nothing left this machine (Plaid or the emulator was unreachable); run again.</summary>
        NotSent,

        /// <summary>The create may or may not have reached Plaid: settle it before anything else happens to it.</summary>
        InDoubt,
    }

    /// <summary>One row's outcome.</summary>
    internal sealed record RowOutcome(int Row, string Reference, RowOutcomeKind Kind, string? ClientId, string? Status, string? Detail)
    {
        public bool Failed => Kind is RowOutcomeKind.Refused or RowOutcomeKind.NotSent;
    }
}
