using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Testing;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Samples.Tests.WebhookReceiver
{
    /// <summary>
    /// samples/WebhookReceiver's own Program on Kestrel on 127.0.0.1, with <see cref="PlaidWebhookSigner"/> as Plaid:
    /// it signs the deliveries and answers the sample's key requests. This is how a partner tests their receiver.
    /// </summary>
    public class WebhookReceiverTests
    {
        private const string Body = PlaidExampleWebhooks.OAuthStatusUpdated;

        [Test]
        public async Task A_genuine_webhook_is_answered_200_and_handled()
        {
            await using var receiver = Receiver.Start();

            using var response = await receiver.PostAsync(Body, receiver.Signer.Sign(Body), headerName: "plaid-verification");

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(receiver.Address.Host, Is.EqualTo("127.0.0.1").Or.EqualTo("localhost"));
                Assert.That(receiver.Address.Port, Is.Not.EqualTo(80), "a real server on a free port");
                Assert.That(receiver.Logs.Select(r => r.Message), Has.One.EqualTo("End customer 634758733ebb4f00134b85ea OAuth status at ins_127989 is now attention-required (production)"));
            });
        }

        [Test]
        public async Task A_forged_webhook_is_answered_400_and_not_handled()
        {
            await using var receiver = Receiver.Start();
            using var forger = new PlaidWebhookSigner();

            using var response = await receiver.PostAsync(Body, forger.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(receiver.Logs.Select(r => r.Message), Has.None.Contain("End customer"));
            });
        }

        [Test]
        public async Task A_re_indented_body_is_answered_400()
        {
            await using var receiver = Receiver.Start();
            var header = receiver.Signer.Sign(Body);

            using var response = await receiver.PostAsync(Body.Replace("\n  ", "\n    ", StringComparison.Ordinal), header);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task A_webhook_without_the_header_is_answered_400()
        {
            await using var receiver = Receiver.Start();

            using var response = await receiver.PostAsync(Body, header: null);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        [Test]
        public async Task A_verified_webhook_of_another_type_is_answered_200_and_logged()
        {
            await using var receiver = Receiver.Start();
            const string other = "{\n  \"webhook_type\": \"ITEM\",\n  \"webhook_code\": \"WEBHOOK_UPDATE_ACKNOWLEDGED\"\n}";

            using var response = await receiver.PostAsync(other, receiver.Signer.Sign(other));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(receiver.Logs.Select(r => r.Message), Has.One.EqualTo("Received a ITEM WEBHOOK_UPDATE_ACKNOWLEDGED webhook this receiver does not handle"));
            });
        }

        [Test]
        public async Task A_body_over_64_KB_is_answered_413_without_a_key_request()
        {
            await using var receiver = Receiver.Start();
            var huge = new string(' ', 64 * 1024 + 1);

            using var response = await receiver.PostAsync(huge, receiver.Signer.Sign(huge));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(receiver.KeyRequests, Is.Zero);
            });
        }

        /// <summary>The sample, configured for Production, its Plaid client's transport replaced by the signer's key endpoint.</summary>
        private sealed class Receiver : IAsyncDisposable
        {
            private readonly WebApplicationFactory<Program> _factory;
            private readonly HttpClient _http;
            private readonly CountingHandler _keys;

            private Receiver(WebApplicationFactory<Program> factory, PlaidWebhookSigner signer, CountingHandler keys)
            {
                _factory = factory;
                Signer = signer;
                _keys = keys;
                _http = factory.CreateClient();
            }

            public PlaidWebhookSigner Signer { get; }

            /// <summary>Where Kestrel listens (not TestServer's in-memory http://localhost/).</summary>
            public Uri Address => _http.BaseAddress!;

            public int KeyRequests => _keys.Requests;

            public FakeLogRecord[] Logs => _factory.Services.GetFakeLogCollector().GetSnapshot().ToArray();

            public static Receiver Start()
            {
                var signer = new PlaidWebhookSigner();
                var keys = new CountingHandler(signer.CreateKeyEndpointHandler());
                var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
                {
                    web.UseSetting("PLAID_CLIENT_ID", "sample-test-client");
                    web.UseSetting("PLAID_SECRET", "sample-test-secret");
                    web.UseSetting("PLAID_ENV", "production");
                    web.ConfigureServices(services =>
                    {
                        services.AddFakeLogging();
                        services.AddHttpClient(PlaidPartnerServiceCollectionExtensions.DefaultHttpClientName).ConfigurePrimaryHttpMessageHandler(() => keys);
                    });
                });
                factory.UseKestrel(0);
                factory.StartServer();
                return new Receiver(factory, signer, keys);
            }

            public async Task<HttpResponseMessage> PostAsync(string body, string? header, string headerName = PlaidVerificationHeader.Name)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/plaid/webhooks") { Content = new StringContent(body, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (header is not null)
                {
                    request.Headers.TryAddWithoutValidation(headerName, header);
                }

                return await _http.SendAsync(request);
            }

            public async ValueTask DisposeAsync()
            {
                _http.Dispose();
                await _factory.DisposeAsync();
                Signer.Dispose();
            }
        }

        private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            private int _requests;

            public int Requests => Volatile.Read(ref _requests);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _requests);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
