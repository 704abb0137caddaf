using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Partner.TestSupport
{
    /// <summary>
    /// A real HTTP server on 127.0.0.1 at a port of its own (Kestrel, nothing else: no logging, no configuration) that
    /// answers every request with one handler: a webhook receiver, a page from another origin, a stand-in service.
    /// </summary>
    public sealed class LoopbackHost : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LoopbackHost(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
        public Uri BaseAddress { get; }

        public static async Task<LoopbackHost> StartAsync(RequestDelegate handler)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(handler);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new LoopbackHost(app, new Uri(address + "/"));
        }

        /// <summary>Serves <paramref name="html"/> as UTF-8 HTML at every path.</summary>
        public static Task<LoopbackHost> ServeHtmlAsync(string html) => StartAsync(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html);
        });

        /// <summary>A port on 127.0.0.1 that nothing listens on once this returns: a receiver that is not there.</summary>
        public static int UnusedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
