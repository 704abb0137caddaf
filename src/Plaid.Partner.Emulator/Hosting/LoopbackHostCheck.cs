using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Plaid.Partner.Emulator.Control;

namespace Plaid.Partner.Emulator.Hosting
{
    /// <summary>
    /// Refuses every request whose <c>Host</c> is not this machine's loopback name or address with the port the
    /// request arrived on. The emulator listens on 127.0.0.1 only, so the one way a web page reaches it under a name
    /// of its own is DNS rebinding (a name that first resolved to the attacker, then to 127.0.0.1); the browser still
    /// sends that name as <c>Host</c>, and this check turns it away with 421 before anything else runs.
    /// </summary>
    internal static class LoopbackHostCheck
    {
        private const int MaxEchoedLength = 100;

        private static readonly string[] LoopbackNames = { "localhost", "127.0.0.1", "[::1]" };

        /// <summary>True when <paramref name="host"/> is <c>localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c> with <paramref name="port"/> (or none, for port 80).</summary>
        public static bool IsLoopback(string? host, int port)
        {
            if (string.IsNullOrEmpty(host))
            {
                return false;
            }

            var withPort = ":" + port.ToString(CultureInfo.InvariantCulture);
            foreach (var name in LoopbackNames)
            {
                if (string.Equals(host, name + withPort, StringComparison.OrdinalIgnoreCase)
                    || (port == 80 && string.Equals(host, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            var host = context.Request.Headers.Host.ToString();
            var port = context.Connection.LocalPort;
            if (IsLoopback(host, port))
            {
                return next(context);
            }

            var shown = host.Length > MaxEchoedLength ? host[..MaxEchoedLength] + "…" : host;
            var message = $"Host '{shown}' is not this emulator's: it answers only requests addressed to localhost:{port}, 127.0.0.1:{port} or [::1]:{port}. "
                + "Another name pointing at 127.0.0.1 is how a web page would reach it (DNS rebinding), so it is refused.";
            return ControlResponses.WriteErrorAsync(context, StatusCodes.Status421MisdirectedRequest, message);
        }
    }
}
