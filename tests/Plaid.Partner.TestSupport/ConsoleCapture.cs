using System;
using System.IO;
using System.Threading.Tasks;

namespace Plaid.Partner.TestSupport
{
    /// <summary>Runs a program's Main in this process with Console.Out and Console.Error captured, then puts them back.</summary>
    public static class ConsoleCapture
    {
        public static async Task<(int ExitCode, string Output, string Error)> RunAsync(Func<Task<int>> main)
        {
            var (output, error) = (Console.Out, Console.Error);
            using var capturedOut = new StringWriter();
            using var capturedError = new StringWriter();
            Console.SetOut(capturedOut);
            Console.SetError(capturedError);
            try
            {
                var exitCode = await main();
                return (exitCode, capturedOut.ToString(), capturedError.ToString());
            }
            finally
            {
                Console.SetOut(output);
                Console.SetError(error);
            }
        }
    }
}
