using System;
using System.IO;
using System.Threading.Tasks;
using NSwag;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>One run of the command: read, slice, guard, write YAML, check that NSwag reads it, write the file, report.</summary>
    internal static class SliceRun
    {
        public static async Task<SliceReport> RunAsync(CommandLine commandLine)
        {
            var input = SpecReader.ReadFile(commandLine.Input, "The input");
            var overlay = commandLine.Overlay is null ? null : Overlay.Load(commandLine.Overlay);
            var result = Slicer.Slice(input, overlay);

            var current = File.Exists(commandLine.Output) ? SpecReader.ReadFile(commandLine.Output, "The current bundled file") : null;
            var removed = RemovedOperationGuard.Check(current, result.Operations, commandLine.AcceptRemovedOperations);

            var yaml = SpecWriter.Write(result.Document);
            await CheckNSwagReadsAsync(yaml).ConfigureAwait(false);

            var folder = Path.GetDirectoryName(commandLine.Output)!;
            if (!Directory.Exists(folder))
            {
                throw new SpecSliceException($"The output folder '{folder}' does not exist.");
            }

            var changed = !File.Exists(commandLine.Output) || await File.ReadAllTextAsync(commandLine.Output).ConfigureAwait(false) != yaml;
            if (changed)
            {
                await File.WriteAllTextAsync(commandLine.Output, yaml).ConfigureAwait(false);
            }

            return new SliceReport(result, commandLine, removed, changed);
        }

        /// <summary>The generator reads the file with NSwag; a subset NSwag cannot read must not be written.</summary>
        private static async Task CheckNSwagReadsAsync(string yaml)
        {
            try
            {
                await OpenApiYamlDocument.FromYamlAsync(yaml).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new SpecSliceException($"NSwag cannot read the sliced spec, so the generator could not either: {e.Message}", e);
            }
        }
    }
}
