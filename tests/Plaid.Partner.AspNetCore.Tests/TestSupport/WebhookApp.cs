using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Testing;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>
    /// A minimal ASP.NET Core app on TestServer set up as the README shows: AddPlaidPartner (its key requests answered by
    /// a <see cref="PlaidWebhookSigner"/>), AddPlaidPartnerWebhooks with the test handlers, and one MapPlaidPartnerWebhooks.
    /// Signer and verifier share a fake clock.
    /// </summary>
    internal sealed class WebhookApp : IAsyncDisposable
    {
        public const string Path = "/plaid/webhooks";

        public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        private WebhookApp(WebApplication app, PlaidWebhookSigner signer, FakeTimeProvider time, KeyEndpointStub keys)
        {
            App = app;
            Signer = signer;
            Time = time;
            Keys = keys;
            Client = app.GetTestClient();
        }

        public WebApplication App { get; }

        public PlaidWebhookSigner Signer { get; }

        public FakeTimeProvider Time { get; }

        public KeyEndpointStub Keys { get; }

        public HttpClient Client { get; }

        public HandlerLog HandlerLog => App.Services.GetRequiredService<HandlerLog>();

        public FakeLogCollector Logs => App.Services.GetFakeLogCollector();

        /// <param name="webhooks">Adds handlers and settings; by default the OAuth status and unknown webhook handlers.</param>
        /// <param name="services">More services (a distributed cache, OpenTelemetry, …).</param>
        /// <param name="map">Maps the endpoint; by default <c>MapPlaidPartnerWebhooks(Path)</c>.</param>
        /// <param name="verifier">Verifier settings.</param>
        /// <param name="realClock">Sign and verify on the system clock instead of the frozen fake one (<see cref="Time"/> is then unused).</param>
        public static async Task<WebhookApp> StartAsync(
            Action<PlaidWebhooksBuilder>? webhooks = null,
            Action<IServiceCollection>? services = null,
            Action<WebApplication>? map = null,
            Action<PlaidWebhookVerifierOptions>? verifier = null,
            bool realClock = false)
        {
            var time = new FakeTimeProvider(Start);
            var clock = realClock ? TimeProvider.System : time;
            var signer = new PlaidWebhookSigner(clock);
            var keys = new KeyEndpointStub(signer);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Services.AddFakeLogging();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<HandlerLog>();
            builder.Services.AddPlaidPartner(o =>
                {
                    o.ClientId = "test-partner-client";
                    o.Secret = "0123456789abcdef0123456789abcd";
                    o.Environment = PlaidEnvironment.Production;
                })
                .ConfigurePrimaryHttpMessageHandler(() => keys);
            if (verifier is not null)
            {
                builder.Services.Configure(verifier);
            }

            var registration = builder.Services.AddPlaidPartnerWebhooks();
            if (webhooks is null)
            {
                registration.AddHandler<OAuthStatusHandler>().AddHandler<UnknownWebhookHandler>();
            }
            else
            {
                webhooks(registration);
            }

            services?.Invoke(builder.Services);
            var app = builder.Build();
            if (map is null)
            {
                app.MapPlaidPartnerWebhooks(Path);
            }
            else
            {
                map(app);
            }

            await app.StartAsync();
            return new WebhookApp(app, signer, time, keys);
        }

        /// <summary>Posts <paramref name="body"/> with <paramref name="header"/> as Plaid-Verification (none when null).</summary>
        public async Task<HttpResponseMessage> PostAsync(byte[] body, string? header, string path = Path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation(PlaidVerificationHeader.Name, header);
            }

            return await Client.SendAsync(request);
        }

        /// <summary>A genuine delivery of <paramref name="body"/>, signed now.</summary>
        public async Task<HttpResponseMessage> DeliverAsync(byte[] body, string path = Path)
        {
            using var request = Signer.CreateRequest(path, body);
            return await Client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            Signer.Dispose();
        }
    }
}
