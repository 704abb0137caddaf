using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Plaid.Partner.Cli.Hosting
{
    /// <summary>System.CommandLine's help, followed by the command's examples and the exit codes.</summary>
    internal sealed class ExamplesHelpAction : SynchronousCommandLineAction
    {
        private readonly HelpAction _help;
        private readonly IReadOnlyDictionary<Command, string[]> _examples;

        public ExamplesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string[]> examples)
        {
            _help = help;
            _examples = examples;
        }

        /// <summary>Help is asked for even on a command line that would not parse (<c>onboard --help</c> has no FILE).</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            _help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (_examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                output.WriteLine(examples.Length == 1 ? "Example:" : "Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            output.WriteLine(ExitCodes.Described);
            return ExitCodes.Ok;
        }
    }
}
