using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using Plaid.Partner.AspNetCore.Tests.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>A handler can be unit-tested on its own, with a context built by hand.</summary>
    public class PlaidWebhookContextTests
    {
        [Test]
        public async Task A_handler_runs_with_a_hand_built_context()
        {
            var handled = new HandlerLog();
            var handler = new OAuthStatusHandler(handled);
            var body = Bodies.OAuthStatusUpdated;
            var webhook = (PartnerEndCustomerOAuthStatusUpdatedWebhook)PlaidWebhookParser.Parse(body);
            var context = new PlaidWebhookContext(new DefaultHttpContext(), body, "kid-1", WebhookApp.Start);

            await handler.HandleAsync(webhook, context, CancellationToken.None);

            var call = handled.Calls.Single();
            Assert.Multiple(() =>
            {
                Assert.That(call.Webhook, Is.SameAs(webhook));
                Assert.That(call.Context.KeyId, Is.EqualTo("kid-1"));
                Assert.That(call.Context.IssuedAt, Is.EqualTo(WebhookApp.Start));
                Assert.That(call.Context.RegistrationName, Is.Empty);
                Assert.That(call.Context.Body.ToArray(), Is.EqualTo(body));
            });
        }

        [Test]
        public void Arguments_are_checked()
        {
            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentNullException>(() => _ = new PlaidWebhookContext(null!, default, "kid", DateTimeOffset.UnixEpoch));
                Assert.Throws<ArgumentNullException>(() => _ = new PlaidWebhookContext(new DefaultHttpContext(), default, null!, DateTimeOffset.UnixEpoch));
                Assert.Throws<ArgumentNullException>(() => _ = new PlaidWebhookContext(new DefaultHttpContext(), default, "kid", DateTimeOffset.UnixEpoch, null!));
            });
        }
    }
}
