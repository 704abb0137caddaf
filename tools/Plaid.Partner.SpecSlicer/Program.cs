using System;
using System.IO;
using System.Threading.Tasks;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>Entry point: exit code 0 when the subset was written (or was already up to date), 1 on a slicing error, 2 on bad arguments.</summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            CommandLine commandLine;
            try
            {
                commandLine = CommandLine.Parse(args, CommandLine.FindRepositoryRoot(Directory.GetCurrentDirectory()));
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}{Environment.NewLine}{CommandLine.Usage}");
                return 2;
            }

            try
            {
                var report = await SliceRun.RunAsync(commandLine);
                report.Write(Console.Out);
                return 0;
            }
            catch (SpecSliceException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        }
    }
}
