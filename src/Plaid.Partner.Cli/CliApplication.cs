using System.CommandLine.Help;
using Plaid.Partner.Cli.Commands;
using Plaid.Partner.Cli.Settings;

namespace Plaid.Partner.Cli
{
    /// <summary>Builds the <c>plaid-partner</c> command tree and runs one command line against a <see cref="CliHost"/>.</summary>
    internal static class CliApplication
    {
        public const string Name = "plaid-partner";

        public static Task<int> RunAsync(string[] args, CliHost host) => RunAsync(args, new CommandContext(host));

        public static async Task<int> RunAsync(string[] args, CommandContext context)
        {
            var host = context.Host;

            // The emulator keeps its own command line (Plaid.Partner.Emulator's Program), options and help included.
            if (args.Length > 0 && args[0] == EmulatorCommand.Name)
            {
                return await EmulatorCommand.RunAsync(args[1..]);
            }

            var root = Build(context);
            var result = root.Parse(args.Length == 0 ? new[] { "--help" } : args);
            if (result.Errors.Count > 0 && result.Action is not ExamplesHelpAction)
            {
                var path = string.Join(' ', result.CommandResult.Command.Parents.OfType<Command>().Reverse().Select(c => c.Name).Skip(1).Append(result.CommandResult.Command.Name));
                host.Error.WriteLine($"{Name}: {result.Errors[0].Message}");
                host.Error.WriteLine($"Run '{(result.CommandResult.Command == root ? Name : $"{Name} {path}")} --help' for usage.");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                var invocation = new InvocationConfiguration
                {
                    Output = host.Output,
                    Error = host.Error,
                    EnableDefaultExceptionHandler = false,
                    // Ctrl+C is the host's (CliHost.Stopping): a command stops between customers, never mid-create.
                    ProcessTerminationTimeout = null,
                };
                return await result.InvokeAsync(invocation, host.Stopping);
            }
            catch (SettingsException e)
            {
                host.Error.WriteLine($"{Name}: {e.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
            catch (LedgerStoreException e)
            {
                host.Error.WriteLine($"{Name}: the ledger's store failed: {e.Message}");
                return ExitCodes.SomeFailed;
            }
            catch (OperationCanceledException) when (host.Stopping.IsCancellationRequested)
            {
                host.Error.WriteLine($"{Name}: stopped. What was finished is recorded; run the same command again to go on.");
                return ExitCodes.SomeFailed;
            }
        }

        public static RootCommand Build(CommandContext context)
        {
            var root = new RootCommand(
                "A partner's command line for Plaid's reseller API: onboard end customers in bulk, at most once each, keep track of them in a ledger, "
                + "and find the ones that need attention. Tables for people, --json for scripts.");
            foreach (var option in context.Options.All)
            {
                root.Options.Add(option);
            }

            root.Subcommands.Add(EmulatorCommand.Create(context));
            root.Subcommands.Add(OnboardCommand.Create(context));
            root.Subcommands.Add(CustomersCommand.Create(context));
            root.Subcommands.Add(RefreshCommand.Create(context));
            root.Subcommands.Add(EnableCommand.Create(context));
            root.Subcommands.Add(RemoveCommand.Create(context));
            root.Subcommands.Add(SettleCommand.Create(context));
            root.Subcommands.Add(StuckCommand.Create(context));
            context.WithExamples(
                root,
                $"{Name} emulator &",
                $"{Name} --emulator onboard samples/customers.csv",
                $"PLAID_ENV=production PLAID_CLIENT_ID=... PLAID_SECRET=... {Name} customers list --json");

            var help = root.Options.OfType<HelpOption>().Single();
            help.Action = new ExamplesHelpAction((HelpAction)help.Action!, context.Examples);
            return root;
        }
    }
}
