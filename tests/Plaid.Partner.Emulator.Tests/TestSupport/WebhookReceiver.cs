using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>A webhook endpoint on 127.0.0.1 that keeps each request's exact body bytes and headers.</summary>
    internal sealed class WebhookReceiver : IAsyncDisposable
    {
        /// <summary>Only a guard against a hang: a webhook that never comes fails the test instead of blocking it.</summary>
        private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

        private readonly Channel<ReceivedWebhook> _received;
        private readonly LoopbackHost _host;

        private WebhookReceiver(Channel<ReceivedWebhook> received, LoopbackHost host)
        {
            _received = received;
            _host = host;
        }

        public Uri Url => new(_host.BaseAddress, "plaid/webhooks");

        /// <summary>Webhooks already received, without waiting.</summary>
        public int Pending => _received.Reader.Count;

        public static async Task<WebhookReceiver> StartAsync(int statusCode = 200)
        {
            var received = Channel.CreateUnbounded<ReceivedWebhook>();
            var host = await LoopbackHost.StartAsync(async context =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                await received.Writer.WriteAsync(new ReceivedWebhook(buffer.ToArray(), headers, context.Request.Method, context.Request.Path));
                context.Response.StatusCode = statusCode;
            });
            return new WebhookReceiver(received, host);
        }

        public async Task<ReceivedWebhook> NextAsync()
        {
            using var giveUp = new CancellationTokenSource(GiveUpAfter);
            return await _received.Reader.ReadAsync(giveUp.Token);
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
