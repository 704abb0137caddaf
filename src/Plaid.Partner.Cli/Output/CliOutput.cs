using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Plaid.Partner.Cli.Output
{
    /// <summary>
    /// Where a command's results go: tables (Spectre.Console) for people, or JSON for scripts with --json; data on
    /// stdout, diagnostics on stderr. Off a terminal the tables have no colour or animation, so a log file reads plainly.
    /// </summary>
    internal sealed class CliOutput
    {
        private static readonly JsonSerializerOptions Document = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };

        private static readonly JsonSerializerOptions Line = new(Document) { WriteIndented = false };

        public CliOutput(CliHost host, bool json)
        {
            Host = host;
            Json = json;
            Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(host.Output),
                Ansi = host.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = host.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = host.IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            });

            // Off a terminal nothing wraps a table to 80 columns: a script or a log gets whole rows.
            Console.Profile.Width = host.Width ?? (host.IsTerminal ? 120 : 240);
        }

        public CliHost Host { get; }

        /// <summary>True with --json: no tables, no progress bar; JSON on stdout.</summary>
        public bool Json { get; }

        /// <summary>Tables and the progress bar go here (stdout).</summary>
        public IAnsiConsole Console { get; }

        /// <summary>A progress bar is shown on a terminal without --json; otherwise a line per item.</summary>
        public bool ShowsProgressBar => Host.IsTerminal && !Json;

        public void Write(IRenderable renderable) => Console.Write(renderable);

        public void WriteLine(string text) => Host.Output.WriteLine(text);

        /// <summary>A section's title: a rule across a terminal, a plain line elsewhere.</summary>
        public void Heading(string title)
        {
            if (Host.IsTerminal)
            {
                Console.Write(new Rule(Markup.Escape(title)) { Justification = Justify.Left });
            }
            else
            {
                WriteLine($"{title}:");
            }
        }

        /// <summary>The table, or "(none)" when it has no rows.</summary>
        public void WriteOrNone(Table table, int rows)
        {
            if (rows == 0)
            {
                WriteLine("  (none)");
            }
            else
            {
                Console.Write(table);
            }
        }

        /// <summary>One JSON document (indented).</summary>
        public void WriteDocument<T>(T value) => Host.Output.WriteLine(JsonSerializer.Serialize(value, Document));

        /// <summary>One JSON line, for a command that streams.</summary>
        public void WriteJsonLine<T>(T value)
        {
            Host.Output.WriteLine(JsonSerializer.Serialize(value, Line));
            Host.Output.Flush();
        }

        public void Diagnostic(string text) => Host.Error.WriteLine(text);

        /// <summary>A table with the house style: a rounded border on a terminal, ASCII off it.</summary>
        public Table NewTable(params string[] columns)
        {
            var table = new Table { Border = Host.IsTerminal ? TableBorder.Rounded : TableBorder.Ascii };
            foreach (var column in columns)
            {
                table.AddColumn(new TableColumn(Markup.Escape(column)));
            }

            return table;
        }

        /// <summary>A row of plain text cells (escaped: values from files and Plaid may hold '[').</summary>
        public static void AddRow(Table table, params string?[] cells) =>
            table.AddRow(System.Array.ConvertAll(cells, c => (IRenderable)new Text(c ?? string.Empty)));
    }
}
