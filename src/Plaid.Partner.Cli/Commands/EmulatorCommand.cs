namespace Plaid.Partner.Cli.Commands
{
    /// <summary>
    /// <c>plaid-partner emulator [options]</c>: the emulator in the foreground, with the options, help and exit codes of
    /// the <c>plaid-partner-emulator</c> tool, as both run Plaid.Partner.Emulator's own command line.
    /// </summary>
    internal static class EmulatorCommand
    {
        public const string Name = "emulator";

        public const string Example = $"{CliApplication.Name} {Name} --port 5080 --new-customer-status PENDING_ENABLEMENT";

        /// <summary>The entry in the command tree: its help, and a run when global options stand before it.</summary>
        public static Command Create(CommandContext context)
        {
            var command = new Command(Name, "Run the Plaid Partner emulator on 127.0.0.1 in the foreground until Ctrl+C, so every other command can be tried offline "
                + "with --emulator. Takes the options of plaid-partner-emulator: see 'plaid-partner emulator --help'.")
            {
                TreatUnmatchedTokensAsErrors = false,
            };
            command.SetAction((result, _) => RunAsync(result.UnmatchedTokens.ToArray()));
            return context.WithExamples(command, Example);
        }

        public static async Task<int> RunAsync(string[] args)
        {
            var exitCode = await Emulator.Program.RunAsync(args, $"{CliApplication.Name} {Name}");
            if (args.Any(a => a is "--help" or "-h" or "-?"))
            {
                Console.WriteLine($"Example:{Environment.NewLine}  {Example}");
            }

            return exitCode;
        }
    }
}
