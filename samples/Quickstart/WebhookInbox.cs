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
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// A tiny webhook receiver on 127.0.0.1 (Kestrel) that keeps each body's exact bytes and its Plaid-Verification
    /// header for the walkthrough to verify. A real receiver verifies in the request and answers 400 when it fails (503
    /// when Plaid's key could not be fetched): see samples/WebhookReceiver.
    /// </summary>
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
                await _received.Writer.WriteAsync((body.ToArray(), PlaidVerificationHeader.Find(context.Request.Headers)));
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

        /// <summary>The next webhook received, as it arrived; throws TimeoutException once <paramref name="giveUp"/> is cancelled.</summary>
        public async Task<(byte[] Body, string? Verification)> NextAsync(CancellationToken giveUp)
        {
            try
            {
                return await _received.Reader.ReadAsync(giveUp);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No webhook arrived at {Url} in time.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
