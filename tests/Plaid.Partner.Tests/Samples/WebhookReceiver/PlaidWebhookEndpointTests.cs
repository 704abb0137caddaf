using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plaid.Partner.Samples.WebhookReceiver;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Samples.WebhookReceiver
{
    /// <summary>The sample endpoint on a real server on 127.0.0.1, with Plaid's key endpoint mocked.</summary>
    public class PlaidWebhookEndpointTests
    {
        private static readonly byte[] Body = SeedWebhooks.OAuthStatusUpdatedBytes();

        [Test]
        public async Task A_genuine_webhook_is_answered_200()
        {
            await using var receiver = await Receiver.StartAsync();

            using var response = await receiver.PostAsync(Body, receiver.Harness.Sign(Body), headerName: "plaid-verification");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task A_forged_webhook_is_answered_400()
        {
            await using var receiver = await Receiver.StartAsync();
            using var forger = new TestSigningKey(receiver.Harness.Genuine.KeyId);

            using var response = await receiver.PostAsync(Body, receiver.Harness.Sign(Body, forger));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task A_re_indented_body_is_answered_400()
        {
            await using var receiver = await Receiver.StartAsync();
            var header = receiver.Harness.Sign(Body);
            var reindented = System.Text.Encoding.UTF8.GetBytes(SeedWebhooks.OAuthStatusUpdated.Replace("\n  ", "\n    ", StringComparison.Ordinal));

            using var response = await receiver.PostAsync(reindented, header);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task A_webhook_without_the_header_is_answered_400()
        {
            await using var receiver = await Receiver.StartAsync();

            using var response = await receiver.PostAsync(Body, null);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task A_verified_webhook_of_another_type_is_answered_200()
        {
            await using var receiver = await Receiver.StartAsync();
            var other = System.Text.Encoding.UTF8.GetBytes("{\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"WEBHOOK_UPDATE_ACKNOWLEDGED\"\n}");

            using var response = await receiver.PostAsync(other, receiver.Harness.Sign(other));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        [Test]
        public async Task A_body_over_the_limit_is_answered_400_without_a_key_request()
        {
            await using var receiver = await Receiver.StartAsync();
            var huge = new byte[PlaidWebhookEndpoint.MaxBodyBytes + 1];

            using var response = await receiver.PostAsync(huge, receiver.Harness.Sign(huge));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(receiver.Harness.Keys.Calls, Is.Zero);
            });
        }

        private sealed class Receiver : IAsyncDisposable
        {
            private readonly WebApplication _app;
            private readonly HttpClient _http;

            private Receiver(WebApplication app, WebhookHarness harness, Uri address)
            {
                _app = app;
                Harness = harness;
                _http = new HttpClient { BaseAddress = address };
            }

            public WebhookHarness Harness { get; }

            public static async Task<Receiver> StartAsync()
            {
                var harness = new WebhookHarness();
                var builder = WebApplication.CreateSlimBuilder();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton(harness.Verifier);
                var app = builder.Build();
                app.MapPlaidWebhooks("/plaid/webhooks");
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                return new Receiver(app, harness, new Uri(address));
            }

            public Task<HttpResponseMessage> PostAsync(byte[] body, string? header, string headerName = PlaidVerificationHeader.Name)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/plaid/webhooks") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                if (header is not null)
                {
                    request.Headers.TryAddWithoutValidation(headerName, header);
                }

                return _http.SendAsync(request);
            }

            public async ValueTask DisposeAsync()
            {
                _http.Dispose();
                await _app.StopAsync();
                await _app.DisposeAsync();
                Harness.Dispose();
            }
        }
    }
}
