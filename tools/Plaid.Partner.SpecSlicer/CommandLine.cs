using System;
using System.IO;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>The slicer's arguments: <c>&lt;input&gt; [-o output] [--overlay file | --no-overlay] [--accept-removed-operations]</c>.</summary>
    internal sealed class CommandLine
    {
        public const string Usage =
            "usage: dotnet run --project tools/Plaid.Partner.SpecSlicer -- <plaid-full-spec.yml|json> [-o openapi/plaid-partner.yml]\n" +
            "           [--overlay openapi/plaid-partner.overlay.yml | --no-overlay] [--accept-removed-operations]\n" +
            "Writes the partner subset of Plaid's OpenAPI file. Paths are relative to the current directory; the defaults\n" +
            "are the repository's openapi/plaid-partner.yml and openapi/plaid-partner.overlay.yml.";

        private CommandLine(string input, string output, string? overlay, bool acceptRemovedOperations)
        {
            Input = input;
            Output = output;
            Overlay = overlay;
            AcceptRemovedOperations = acceptRemovedOperations;
        }

        public string Input { get; }

        public string Output { get; }

        /// <summary>The overlay file, or null for none.</summary>
        public string? Overlay { get; }

        public bool AcceptRemovedOperations { get; }

        public static CommandLine Parse(string[] args, string repositoryRoot)
        {
            string? input = null;
            string? output = null;
            var overlay = Path.Combine(repositoryRoot, "openapi", "plaid-partner.overlay.yml");
            var accept = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "-o" or "--output":
                        output = Value(args, ref i);
                        break;
                    case "--overlay":
                        overlay = Value(args, ref i);
                        break;
                    case "--no-overlay":
                        overlay = null;
                        break;
                    case "--accept-removed-operations":
                        accept = true;
                        break;
                    case var option when option.StartsWith('-') && option.Length > 1:
                        throw new ArgumentException($"Unknown option '{option}'.");
                    default:
                        if (input is not null)
                        {
                            throw new ArgumentException($"Only one input file is read; '{args[i]}' is a second one.");
                        }

                        input = args[i];
                        break;
                }
            }

            if (input is null)
            {
                throw new ArgumentException("The input file (Plaid's full OpenAPI YAML or JSON) is missing.");
            }

            return new CommandLine(
                Path.GetFullPath(input),
                Path.GetFullPath(output ?? Path.Combine(repositoryRoot, "openapi", "plaid-partner.yml")),
                overlay is null ? null : Path.GetFullPath(overlay),
                accept);
        }

        /// <summary>The nearest folder, from <paramref name="start"/> up, that holds Plaid.Partner.sln; else <paramref name="start"/>.</summary>
        public static string FindRepositoryRoot(string start)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Plaid.Partner.sln")))
                {
                    return folder.FullName;
                }
            }

            return start;
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"'{args[i]}' needs a value.");
            }

            return args[++i];
        }
    }
}
