using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
    /// <remarks>
    /// The guard is an endpoint filter on the route group that holds every control endpoint (<see cref="MapGroup"/>), so
    /// it runs on whatever endpoint routing chose, however the path was spelled: routing ignores letter case, and a
    /// middleware matching the path itself would let <c>/__EMULATOR/faults</c> through. It is also the group's metadata,
    /// so a test can check that every endpoint under the prefix carries it.
    /// </remarks>
    internal sealed class ControlRequestGuard : IEndpointFilter
    {
        public const string TokenHeader = "Emulator-Console-Token";

        private readonly EmulatorRuntime _runtime;

        private ControlRequestGuard(EmulatorRuntime runtime)
        {
            _runtime = runtime;
        }

        /// <summary>The group under <see cref="PlaidPartnerEmulator.ControlPathPrefix"/> to map every control endpoint in; each one is guarded.</summary>
        public static RouteGroupBuilder MapGroup(IEndpointRouteBuilder app, EmulatorRuntime runtime)
        {
            var guard = new ControlRequestGuard(runtime);
            var group = app.MapGroup(PlaidPartnerEmulator.ControlPathPrefix);
            group.AddEndpointFilter(guard).WithMetadata(guard);
            return group;
        }

        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var refusal = Check(context.HttpContext.Request);
            if (refusal is not { } problem)
            {
                return await next(context).ConfigureAwait(false);
            }

            await ControlResponses.WriteErrorAsync(context.HttpContext, problem.Status, problem.Message).ConfigureAwait(false);
            return null;
        }

        /// <summary>Why the request is refused (a status and a message), or null to let it through.</summary>
        private (int Status, string Message)? Check(HttpRequest request)
        {
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                return null;
            }

            if (!ControlJson.IsJsonContentType(request.ContentType))
            {
                return (StatusCodes.Status415UnsupportedMediaType,
                    $"{request.Method} {request.Path} needs Content-Type: application/json (it was '{request.ContentType ?? "none"}'), even with no body. "
                    + "Web pages can post other types to any address without asking, so the emulator takes no other.");
            }

            if (ComesFromBrowser(request) && !HasToken(request, _runtime.ConsoleToken))
            {
                var problem = request.Headers.ContainsKey(TokenHeader) ? "a wrong" : "no";
                return (StatusCodes.Status403Forbidden,
                    $"{request.Method} {request.Path} comes from a browser with {problem} {TokenHeader} header. Only the console page "
                    + $"({PlaidPartnerEmulator.ControlPathPrefix}/console) may change the emulator from a browser; reload it if the emulator was restarted.");
            }

            return null;
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
