using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>One HTML page on 127.0.0.1 at a port of its own: another origin than the emulator's, as a hostile site is.</summary>
    internal sealed class StaticPageServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StaticPageServer(string html)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync(html);
            });
        }

        public Uri Url { get; private set; } = null!;

        public static async Task<StaticPageServer> StartAsync(string html)
        {
            var server = new StaticPageServer(html);
            await server._app.StartAsync();
            server.Url = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
