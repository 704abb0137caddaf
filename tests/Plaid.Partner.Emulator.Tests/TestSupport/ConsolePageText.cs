using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>The console page as text, and the token it carries, fetched as a browser would.</summary>
    internal static class ConsolePageText
    {
        public static async Task<RawResponse> GetAsync(PlaidPartnerEmulator emulator)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "__emulator/console"));
            return await RawPlaid.SendAsync(request);
        }

        public static async Task<string> TokenAsync(PlaidPartnerEmulator emulator)
        {
            var page = await GetAsync(emulator);
            var match = Regex.Match(page.Text, "<meta name=\"emulator-console-token\" content=\"([A-Za-z0-9]+)\">");
            return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The console page carries no token.");
        }
    }
}
