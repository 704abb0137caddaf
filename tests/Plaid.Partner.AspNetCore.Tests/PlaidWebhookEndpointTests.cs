using System;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plaid.Partner.AspNetCore.Tests.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>The endpoint on TestServer: what it answers, what it hands the handlers, what it counts and logs.</summary>
    public class PlaidWebhookEndpointTests
    {
        [Test]
        public async Task A_genuine_delivery_is_verified_parsed_handled_once_and_answered_200()
        {
            await using var app = await WebhookApp.StartAsync();
            using var responses = Responses(app);

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated);

            var call = app.HandlerLog.Calls.Single();
            var update = (PartnerEndCustomerOAuthStatusUpdatedWebhook)call.Webhook;
            var counted = responses.GetMeasurementSnapshot().Single();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(call.Handler, Is.EqualTo(nameof(OAuthStatusHandler)));
                Assert.That(update.EndCustomerClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(update.InstitutionId, Is.EqualTo("ins_127989"));
                Assert.That(update.Status, Is.EqualTo(PartnerEndCustomerOAuthStatusUpdatedValues.AttentionRequired));
                Assert.That(call.Context.Body.ToArray(), Is.EqualTo(Bodies.OAuthStatusUpdated), "the handler gets the exact bytes");
                Assert.That(call.Context.KeyId, Is.EqualTo(app.Signer.CurrentKeyId));
                Assert.That(call.Context.IssuedAt, Is.EqualTo(WebhookApp.Start));
                Assert.That(call.Context.RegistrationName, Is.Empty);
                Assert.That(counted.Tags["http.response.status_code"], Is.EqualTo(200));
                Assert.That(counted.Tags["plaid.webhook.outcome"], Is.EqualTo("handled"));
                Assert.That(counted.Tags["plaid.webhook.type"], Is.EqualTo("PARTNER"));
                Assert.That(counted.Tags["plaid.webhook.code"], Is.EqualTo("END_CUSTOMER_OAUTH_STATUS_UPDATED"));
                Assert.That(app.Logs.GetSnapshot().Select(r => r.Id.Id), Does.Contain(2000));
            });
        }

        [Test]
        public async Task An_unknown_webhook_goes_to_the_unknown_handler_with_its_raw_json()
        {
            await using var app = await WebhookApp.StartAsync();

            using var response = await app.DeliverAsync(Bodies.Unknown);

            var call = app.HandlerLog.Calls.Single();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(call.Handler, Is.EqualTo(nameof(UnknownWebhookHandler)));
                Assert.That(call.Webhook.WebhookType, Is.EqualTo("ITEM"));
                Assert.That(((UnknownPlaidWebhook)call.Webhook).RawJson, Does.Contain("WEBHOOK_UPDATE_ACKNOWLEDGED"));
            });
        }

        [Test]
        public async Task A_webhook_without_a_handler_is_answered_200_and_counted_unhandled()
        {
            await using var app = await WebhookApp.StartAsync(webhooks: w => w.AddHandler<OAuthStatusHandler>());
            using var responses = Responses(app);

            using var response = await app.DeliverAsync(Bodies.Unknown);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(app.HandlerLog.Calls, Is.Empty);
                Assert.That(responses.GetMeasurementSnapshot().Single().Tags["plaid.webhook.outcome"], Is.EqualTo("unhandled"));
                Assert.That(app.Logs.GetSnapshot().Select(r => r.Id.Id), Does.Contain(2006));
            });
        }

        [Test]
        public async Task A_verified_body_that_is_not_a_webhook_is_answered_400()
        {
            await using var app = await WebhookApp.StartAsync();
            using var responses = Responses(app);

            using var response = await app.DeliverAsync(Bodies.NotAWebhook);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(app.HandlerLog.Calls, Is.Empty);
                Assert.That(responses.GetMeasurementSnapshot().Single().Tags["plaid.webhook.outcome"], Is.EqualTo("unparseable"));
                Assert.That(app.Logs.GetSnapshot().Single(r => r.Id.Id == 2004).Level, Is.EqualTo(LogLevel.Error));
            });
        }

        [Test]
        public async Task A_handler_that_throws_makes_a_500_so_plaid_delivers_again()
        {
            await using var app = await WebhookApp.StartAsync();
            using var responses = Responses(app);
            app.HandlerLog.Behaviour = _ => throw new InvalidOperationException("the database is down");

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated);

            var failure = app.Logs.GetSnapshot().Single(r => r.Id.Id == 2005);
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
                Assert.That(app.HandlerLog.Calls, Has.Count.EqualTo(1));
                Assert.That(responses.GetMeasurementSnapshot().Single().Tags["plaid.webhook.outcome"], Is.EqualTo("handler_failed"));
                Assert.That(failure.Level, Is.EqualTo(LogLevel.Error));
                Assert.That(failure.Exception?.Message, Is.EqualTo("the database is down"));
            });
        }

        [Test]
        public async Task The_request_cancellation_reaches_the_handler()
        {
            await using var app = await WebhookApp.StartAsync();
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sawCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            app.HandlerLog.Behaviour = async cancellationToken =>
            {
                entered.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation.SetResult(cancellationToken.IsCancellationRequested);
                    throw;
                }
            };
            using var abort = new CancellationTokenSource();
            using var request = app.Signer.CreateRequest(WebhookApp.Path, Bodies.OAuthStatusUpdated);

            var pending = app.Client.SendAsync(request, abort.Token);
            await entered.Task;
            await abort.CancelAsync();

            await Assert.ThatAsync(() => pending, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(await sawCancellation.Task, Is.True);
        }

        [Test]
        public async Task A_body_with_a_content_length_over_the_cap_is_answered_413_before_any_verification()
        {
            await using var app = await WebhookApp.StartAsync(webhooks: w => w.Configure(o => o.MaxBodyBytes = 1024).AddHandler<OAuthStatusHandler>());
            using var responses = Responses(app);
            var huge = new byte[1025];

            using var response = await app.DeliverAsync(huge);
            var keyFetchesBeforeTheCap = app.Keys.Requests;
            using var atTheCap = await app.DeliverAsync(new byte[1024]);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(keyFetchesBeforeTheCap, Is.Zero, "the signature of the body over the cap was never checked (its key never fetched)");
                Assert.That(atTheCap.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "1024 bytes are read, then fail to parse");
                Assert.That(app.HandlerLog.Calls, Is.Empty);
                Assert.That(responses.GetMeasurementSnapshot()[0].Tags["plaid.webhook.outcome"], Is.EqualTo("too_large"));
                Assert.That(responses.GetMeasurementSnapshot()[0].Tags["http.response.status_code"], Is.EqualTo(413));
                Assert.That(app.Logs.GetSnapshot().Single(r => r.Id.Id == 2003).Message, Does.Contain("1024"));
            });
        }

        [Test]
        public async Task A_chunked_body_over_the_cap_is_answered_413_without_reading_the_rest()
        {
            await using var app = await WebhookApp.StartAsync();
            var endless = new EndlessStream();
            using var request = new HttpRequestMessage(HttpMethod.Post, WebhookApp.Path) { Content = new StreamContent(endless) };
            request.Headers.TryAddWithoutValidation(PlaidVerificationHeader.Name, app.Signer.Sign(Bodies.OAuthStatusUpdated));

            using var response = await app.Client.SendAsync(request);

            Assert.Multiple(() =>
            {
                Assert.That(request.Content.Headers.ContentLength, Is.Null, "no Content-Length: the body is streamed");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
                Assert.That(endless.Served, Is.LessThan(1024 * 1024), "the endpoint stopped reading soon after the 64 KB cap");
                Assert.That(app.Keys.Requests, Is.Zero, "nothing was verified");
                Assert.That(app.HandlerLog.Calls, Is.Empty);
            });
        }

        [Test]
        public async Task A_repeated_token_is_handled_once_when_duplicates_are_suppressed()
        {
            await using var app = await WebhookApp.StartAsync(
                webhooks: w => w.Configure(o => o.SuppressDuplicateDeliveries = true).AddHandler<OAuthStatusHandler>(),
                services: s => s.AddDistributedMemoryCache());
            using var responses = Responses(app);
            var header = app.Signer.Sign(Bodies.OAuthStatusUpdated);

            using var first = await app.PostAsync(Bodies.OAuthStatusUpdated, header);
            using var second = await app.PostAsync(Bodies.OAuthStatusUpdated, header);
            using var resigned = await app.DeliverAsync(Bodies.OAuthStatusUpdated);

            Assert.Multiple(() =>
            {
                Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(resigned.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(app.HandlerLog.Calls, Has.Count.EqualTo(2), "the replayed token is skipped; a new token for the same body is not");
                Assert.That(responses.GetMeasurementSnapshot().Select(m => m.Tags["plaid.webhook.outcome"]), Is.EqualTo(new[] { "handled", "duplicate", "handled" }));
            });
        }

        [Test]
        public async Task Without_suppression_a_repeated_token_is_handled_again()
        {
            await using var app = await WebhookApp.StartAsync();
            var header = app.Signer.Sign(Bodies.OAuthStatusUpdated);

            using var first = await app.PostAsync(Bodies.OAuthStatusUpdated, header);
            using var second = await app.PostAsync(Bodies.OAuthStatusUpdated, header);

            Assert.That(app.HandlerLog.Calls, Has.Count.EqualTo(2));
        }

        [Test]
        public async Task A_delivery_answered_500_is_not_marked_so_its_redelivery_is_handled()
        {
            await using var app = await WebhookApp.StartAsync(
                webhooks: w => w.Configure(o => o.SuppressDuplicateDeliveries = true).AddHandler<OAuthStatusHandler>(),
                services: s => s.AddDistributedMemoryCache());
            var header = app.Signer.Sign(Bodies.OAuthStatusUpdated);
            app.HandlerLog.Behaviour = _ => throw new InvalidOperationException("transient");

            using var failed = await app.PostAsync(Bodies.OAuthStatusUpdated, header);
            app.HandlerLog.Behaviour = null;
            using var redelivered = await app.PostAsync(Bodies.OAuthStatusUpdated, header);
            using var replayed = await app.PostAsync(Bodies.OAuthStatusUpdated, header);

            Assert.Multiple(() =>
            {
                Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
                Assert.That(redelivered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(app.HandlerLog.Calls, Has.Count.EqualTo(2), "handled on the failed try and on the redelivery, then suppressed");
            });
        }

        [Test]
        public async Task A_failing_cache_never_fails_a_delivery()
        {
            await using var app = await WebhookApp.StartAsync(
                webhooks: w => w.Configure(o => o.SuppressDuplicateDeliveries = true).AddHandler<OAuthStatusHandler>(),
                services: s => s.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, BrokenCache>());

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(app.HandlerLog.Calls, Has.Count.EqualTo(1));
                Assert.That(app.Logs.GetSnapshot().Count(r => r.Id.Id == 2008), Is.EqualTo(2), "the failed read and the failed write are logged");
            });
        }

        [Test]
        public async Task The_returned_builder_takes_conventions_such_as_RequireHost()
        {
            await using var app = await WebhookApp.StartAsync(map: a => a.MapPlaidPartnerWebhooks(WebhookApp.Path).RequireHost("hooks.example.com"));

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "TestServer's host is localhost");
                Assert.That(app.HandlerLog.Calls, Is.Empty);
            });
        }

        [Test]
        public async Task Only_post_is_mapped()
        {
            await using var app = await WebhookApp.StartAsync();

            using var response = await app.Client.GetAsync(WebhookApp.Path);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        }

        private static MetricCollector<long> Responses(WebhookApp app) =>
            new(app.App.Services.GetRequiredService<IMeterFactory>(), "Plaid.Partner", "plaid.partner.webhook.endpoint.responses");

        /// <summary>A request body that never ends, counting what the server read.</summary>
        private sealed class EndlessStream : Stream
        {
            private long _served;

            public long Served => Interlocked.Read(ref _served);

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Fill(buffer, (byte)' ', offset, count);
                Interlocked.Add(ref _served, count);
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class BrokenCache : Microsoft.Extensions.Caching.Distributed.IDistributedCache
        {
            public byte[]? Get(string key) => throw new IOException("cache down");

            public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw new IOException("cache down");

            public void Refresh(string key) => throw new IOException("cache down");

            public Task RefreshAsync(string key, CancellationToken token = default) => throw new IOException("cache down");

            public void Remove(string key) => throw new IOException("cache down");

            public Task RemoveAsync(string key, CancellationToken token = default) => throw new IOException("cache down");

            public void Set(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options) => throw new IOException("cache down");

            public Task SetAsync(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options, CancellationToken token = default) =>
                throw new IOException("cache down");
        }
    }
}
