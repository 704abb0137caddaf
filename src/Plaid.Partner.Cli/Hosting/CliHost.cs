namespace Plaid.Partner.Cli.Hosting
{
    /// <summary>
    /// What a command reads from and writes to outside its arguments: stdout, stderr, the environment, whether stdout is
    /// a terminal, and the stop signal. The process passes its own; tests pass writers, a variable table and a token.
    /// </summary>
    internal sealed class CliHost
    {
        public CliHost(TextWriter output, TextWriter error, Func<string, string?> environment, bool isTerminal, CancellationToken stopping)
        {
            Output = output;
            Error = error;
            Environment = environment;
            IsTerminal = isTerminal;
            Stopping = stopping;
        }

        /// <summary>Data: tables, JSON. Nothing else is written here, so a script can read it.</summary>
        public TextWriter Output { get; }

        /// <summary>Diagnostics: problems, hints, what was skipped.</summary>
        public TextWriter Error { get; }

        /// <summary>An environment variable's value, or null.</summary>
        public Func<string, string?> Environment { get; }

        /// <summary>True when stdout is a terminal a person reads: tables with borders and a progress bar.</summary>
        public bool IsTerminal { get; }

        /// <summary>Signalled on Ctrl+C or SIGTERM: a command stops between customers, never inside one.</summary>
        public CancellationToken Stopping { get; }

        /// <summary>Terminal width for tables, when known.</summary>
        public int? Width { get; init; }

        /// <summary>Called after each customer a streaming command finishes (tests use it to stop a run part-way).</summary>
        public Action<int>? AfterEachCustomer { get; init; }

        /// <summary>The process's own console, environment and Ctrl+C.</summary>
        public static CliHost FromProcess()
        {
            var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // The first Ctrl+C lets the current customer finish and be recorded; a second one ends the process.
                if (!stop.IsCancellationRequested)
                {
                    e.Cancel = true;
                    stop.Cancel();
                }
            };
            var terminal = !Console.IsOutputRedirected;
            return new CliHost(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, terminal, stop.Token)
            {
                Width = terminal ? SafeWidth() : null,
            };
        }

        private static int? SafeWidth()
        {
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
