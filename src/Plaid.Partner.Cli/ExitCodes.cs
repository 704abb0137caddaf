namespace Plaid.Partner.Cli
{
    /// <summary>The exit codes every command documents, in its --help and in the README.</summary>
    internal static class ExitCodes
    {
        /// <summary>Everything asked for was done.</summary>
        public const int Ok = 0;

        /// <summary>Some rows or calls failed (each is listed); the rest were done.</summary>
        public const int SomeFailed = 1;

        /// <summary>The command line or a setting is wrong: nothing was done.</summary>
        public const int UsageOrConfiguration = 2;

        /// <summary>Records are in doubt (a create may or may not have reached Plaid) and need <c>plaid-partner settle</c>.</summary>
        public const int InDoubt = 3;

        /// <summary>The text --help shows.</summary>
        public const string Described =
            "Exit codes: 0 ok; 1 some rows or calls failed; 2 usage or configuration error (nothing done); 3 records in doubt need 'plaid-partner settle'.";
    }
}
