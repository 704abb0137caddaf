using System.Threading.Tasks;

namespace Plaid.Partner.Emulator.Tool
{
    /// <summary>
    /// <c>plaid-partner-emulator [options]</c>: the emulator's own command line (Plaid.Partner.Emulator's Program), so the
    /// tool and <c>dotnet run --project src/Plaid.Partner.Emulator</c> take the same options and exit codes.
    /// </summary>
    internal static class Program
    {
        public const string Command = "plaid-partner-emulator";

        public static Task<int> Main(string[] args) => Emulator.Program.RunAsync(args, Command);
    }
}
