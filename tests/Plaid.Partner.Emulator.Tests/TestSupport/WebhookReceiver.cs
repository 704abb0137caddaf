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
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>A webhook endpoint on 127.0.0.1 that keeps each request's exact body bytes and headers.</summary>
    internal sealed class WebhookReceiver : IAsyncDisposable
    {
        /// <summary>Only a guard against a hang: a webhook that never comes fails the test instead of blocking it.</summary>
        private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

        private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
        private readonly WebApplication _app;

        private WebhookReceiver(int statusCode)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(async context =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                await _received.Writer.WriteAsync(new ReceivedWebhook(buffer.ToArray(), headers, context.Request.Method, context.Request.Path));
                context.Response.StatusCode = statusCode;
            });
        }

        public Uri Url { get; private set; } = null!;

        public static async Task<WebhookReceiver> StartAsync(int statusCode = 200)
        {
            var receiver = new WebhookReceiver(statusCode);
            await receiver._app.StartAsync();
            var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            receiver.Url = new Uri(address + "/plaid/webhooks");
            return receiver;
        }

        public async Task<ReceivedWebhook> NextAsync()
        {
            using var giveUp = new CancellationTokenSource(GiveUpAfter);
            return await _received.Reader.ReadAsync(giveUp.Token);
        }

        /// <summary>Webhooks already received, without waiting.</summary>
        public int Pending => _received.Reader.Count;

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
