using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Partner.Quickstart
{
    /// <summary>A tiny webhook receiver on 127.0.0.1 (Kestrel) that keeps each body's exact bytes and its Plaid-Verification header.</summary>
    internal sealed class WebhookInbox : IAsyncDisposable
    {
        private readonly Channel<(byte[] Body, string? Verification)> _received = Channel.CreateUnbounded<(byte[], string?)>();
        private readonly WebApplication _app;

        private WebhookInbox()
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                await _received.Writer.WriteAsync((body.ToArray(), context.Request.Headers["Plaid-Verification"].FirstOrDefault()));
                context.Response.StatusCode = 200;
            });
        }

        public Uri Url { get; private set; } = null!;

        public static async Task<WebhookInbox> StartAsync()
        {
            var inbox = new WebhookInbox();
            await inbox._app.StartAsync();
            var address = inbox._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            inbox.Url = new Uri(address + "/plaid/webhooks");
            return inbox;
        }

        /// <summary>The next webhook that <paramref name="wanted"/> accepts, skipping others; fails after <paramref name="timeout"/>.</summary>
        public async Task<(byte[] Body, string? Verification)> WaitForAsync(Func<byte[], bool> wanted, TimeSpan timeout)
        {
            using var giveUp = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    var webhook = await _received.Reader.ReadAsync(giveUp.Token);
                    if (wanted(webhook.Body))
                    {
                        return webhook;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching webhook arrived at {Url} within {timeout.TotalSeconds} s.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
