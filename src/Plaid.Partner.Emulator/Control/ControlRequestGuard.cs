using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Plaid.Partner.Emulator.Hosting;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>
    /// What a control request that changes state (any method but GET, HEAD and OPTIONS) must carry, so that a web
    /// page open in the developer's browser cannot drive the emulator:
    /// <list type="number">
    /// <item><c>Content-Type: application/json</c>, body or not, else 415. A browser sends that type to another origin
    /// only after a CORS preflight, and the emulator never answers one with CORS headers, so the page's request never
    /// leaves the browser; the "simple" requests a page may send without asking (text/plain, form posts) are refused.</item>
    /// <item>When the request shows it comes from a browser (an <c>Origin</c> or <c>Sec-Fetch-Site</c> header, which
    /// browsers add and pages cannot remove), the <see cref="TokenHeader"/> with this run's token, else 403. Only the
    /// console page, served by the emulator to its own origin, holds the token. Programs (curl, the C# methods, tests)
    /// send neither header and need no token.</item>
    /// </list>
    /// </summary>
    internal static class ControlRequestGuard
    {
        public const string TokenHeader = "Emulator-Console-Token";

        public static Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorRuntime runtime)
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(PlaidPartnerEmulator.ControlPathPrefix, StringComparison.Ordinal)
                || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                return next(context);
            }

            if (!ControlJson.IsJsonContentType(request.ContentType))
            {
                return ControlResponses.WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    $"{request.Method} {request.Path} needs Content-Type: application/json (it was '{request.ContentType ?? "none"}'), even with no body. "
                    + "Web pages can post other types to any address without asking, so the emulator takes no other.");
            }

            if (ComesFromBrowser(request) && !HasToken(request, runtime.ConsoleToken))
            {
                var problem = request.Headers.ContainsKey(TokenHeader) ? "a wrong" : "no";
                return ControlResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden,
                    $"{request.Method} {request.Path} comes from a browser with {problem} {TokenHeader} header. Only the console page "
                    + $"({PlaidPartnerEmulator.ControlPathPrefix}/console) may change the emulator from a browser; reload it if the emulator was restarted.");
            }

            return next(context);
        }

        private static bool ComesFromBrowser(HttpRequest request) =>
            request.Headers.ContainsKey(HeaderNames.Origin) || request.Headers.ContainsKey("Sec-Fetch-Site");

        private static bool HasToken(HttpRequest request, string expected)
        {
            var sent = request.Headers[TokenHeader];
            return sent.Count == 1
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent[0] ?? string.Empty), Encoding.UTF8.GetBytes(expected));
        }
    }
}
