using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plaid.Partner.Emulator.Hosting;

namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// <c>GET /__emulator/console</c>: the emulator's state as one HTML page. Its headers keep it to itself: a
    /// Content-Security-Policy that runs only its own inline style and script (by nonce), lets the script talk only to
    /// the emulator and forbids plain form posts and framing (so no page can overlay it and trick a click); no-store,
    /// since it carries the run's token; and no CORS header, like every other answer of the emulator.
    /// </summary>
    internal static class ConsoleEndpoint
    {
        public const string Path = PlaidPartnerEmulator.ControlPathPrefix + PathInGroup;

        private const string PathInGroup = "/console";

        /// <summary>Maps the page in the control group (<see cref="Control.ControlRequestGuard.MapGroup"/>).</summary>
        public static void Map(RouteGroupBuilder controls, EmulatorRuntime runtime) =>
            controls.MapGet(PathInGroup, context => WriteAsync(context, runtime));

        private static async Task WriteAsync(HttpContext context, EmulatorRuntime runtime)
        {
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
            var state = await ConsoleState.ReadAsync(runtime, baseUrl).ConfigureAwait(false);
            var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; connect-src 'self'; "
                + "img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ConsoleDocument.Render(state, nonce), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
