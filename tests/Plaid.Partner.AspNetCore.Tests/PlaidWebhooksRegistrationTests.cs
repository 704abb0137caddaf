using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.AspNetCore.Tests.TestSupport;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Testing;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>AddPlaidPartnerWebhooks, AddHandler and MapPlaidPartnerWebhooks: what they accept, refuse and wire.</summary>
    public class PlaidWebhooksRegistrationTests
    {
        [Test]
        public async Task A_handler_of_IPlaidWebhook_gets_every_webhook_and_a_handler_added_twice_runs_once()
        {
            await using var app = await WebhookApp.StartAsync(webhooks: w => w.AddHandler<EveryWebhookHandler>().AddHandler<OAuthStatusHandler>().AddHandler<EveryWebhookHandler>());

            using var update = await app.DeliverAsync(Bodies.OAuthStatusUpdated);
            using var unknown = await app.DeliverAsync(Bodies.Unknown);

            Assert.That(app.HandlerLog.Calls.Select(c => $"{c.Handler}:{c.Webhook.WebhookType}"), Is.EqualTo(new[]
            {
                "EveryWebhookHandler:PARTNER", "OAuthStatusHandler:PARTNER", "EveryWebhookHandler:ITEM",
            }));
        }

        [Test]
        public async Task A_named_registration_verifies_with_its_own_client_and_runs_its_own_handlers()
        {
            var time = new FakeTimeProvider(WebhookApp.Start);
            using var defaultSigner = new PlaidWebhookSigner(time);
            using var euSigner = new PlaidWebhookSigner(time);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddSingleton<HandlerLog>();
            builder.Services.AddPlaidPartner(Credentials).ConfigurePrimaryHttpMessageHandler(defaultSigner.CreateKeyEndpointHandler);
            builder.Services.AddPlaidPartner("eu", Credentials).ConfigurePrimaryHttpMessageHandler(euSigner.CreateKeyEndpointHandler);
            builder.Services.AddPlaidPartnerWebhooks().AddHandler<OAuthStatusHandler>();
            builder.Services.AddPlaidPartnerWebhooks("eu").AddHandler<EveryWebhookHandler>();
            await using var app = builder.Build();
            app.MapPlaidPartnerWebhooks("/plaid/webhooks");
            app.MapPlaidPartnerWebhooks("/plaid/eu/webhooks", "eu");
            await app.StartAsync();
            using var client = app.GetTestClient();

            using var toEu = await client.SendAsync(euSigner.CreateRequest("/plaid/eu/webhooks", Bodies.OAuthStatusUpdated));
            using var euKeyAtDefault = await client.SendAsync(euSigner.CreateRequest("/plaid/webhooks", Bodies.OAuthStatusUpdated));

            var calls = app.Services.GetRequiredService<HandlerLog>().Calls;
            Assert.Multiple(() =>
            {
                Assert.That(toEu.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(euKeyAtDefault.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the default client's key endpoint does not know the eu key");
                Assert.That(calls.Select(c => c.Handler), Is.EqualTo(new[] { nameof(EveryWebhookHandler) }));
                Assert.That(calls.Single().Context.RegistrationName, Is.EqualTo("eu"));
            });
            await app.StopAsync();
        }

        [Test]
        public void AddHandler_refuses_a_class_that_handles_no_webhook()
        {
            var services = new ServiceCollection();

            var refused = Assert.Throws<ArgumentException>(() => services.AddPlaidPartnerWebhooks().AddHandler<NotAHandler>());

            Assert.That(refused!.Message, Does.Contain("NotAHandler").And.Contain("IPlaidWebhookHandler"));
        }

        [Test]
        public void Mapping_without_AddPlaidPartnerWebhooks_says_what_to_add()
        {
            var app = Build(services => services.AddPlaidPartner(Credentials));

            var refused = Assert.Throws<InvalidOperationException>(() => app.MapPlaidPartnerWebhooks("/plaid/webhooks"));

            Assert.That(refused!.Message, Does.Contain("AddPlaidPartnerWebhooks()"));
        }

        [Test]
        public void Mapping_without_AddPlaidPartner_says_what_to_add()
        {
            var app = Build(services => services.AddPlaidPartnerWebhooks());
            var named = Build(services =>
            {
                services.AddPlaidPartner(Credentials);
                services.AddPlaidPartnerWebhooks("eu");
            });

            var refused = Assert.Throws<InvalidOperationException>(() => app.MapPlaidPartnerWebhooks("/plaid/webhooks"));
            var refusedNamed = Assert.Throws<InvalidOperationException>(() => named.MapPlaidPartnerWebhooks("/plaid/webhooks", "eu"));

            Assert.Multiple(() =>
            {
                Assert.That(refused!.Message, Does.Contain("AddPlaidPartner("));
                Assert.That(refusedNamed!.Message, Does.Contain("AddPlaidPartner(\"eu\""));
            });
        }

        [Test]
        public void Suppressing_duplicates_without_a_distributed_cache_says_what_to_add()
        {
            var app = Build(services =>
            {
                services.AddPlaidPartner(Credentials);
                services.AddPlaidPartnerWebhooks().Configure(o => o.SuppressDuplicateDeliveries = true);
            });

            var refused = Assert.Throws<InvalidOperationException>(() => app.MapPlaidPartnerWebhooks("/plaid/webhooks"));

            Assert.That(refused!.Message, Does.Contain("IDistributedCache").And.Contain("AddDistributedMemoryCache"));
        }

        [TestCase(0)]
        [TestCase(PlaidWebhookEndpointOptions.LargestMaxBodyBytes + 1)]
        public void A_body_cap_out_of_range_is_refused_naming_the_option(int maxBodyBytes)
        {
            var app = Build(services =>
            {
                services.AddPlaidPartner(Credentials);
                services.AddPlaidPartnerWebhooks().Configure(o => o.MaxBodyBytes = maxBodyBytes);
            });

            var refused = Assert.Throws<ArgumentException>(() => app.MapPlaidPartnerWebhooks("/plaid/webhooks"));

            Assert.That(refused!.Message, Does.Contain("MaxBodyBytes"));
        }

        [Test]
        public void Arguments_are_checked()
        {
            var services = new ServiceCollection();
            var app = Build(s =>
            {
                s.AddPlaidPartner(Credentials);
                s.AddPlaidPartnerWebhooks();
            });

            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddPlaidPartnerWebhooks());
                Assert.Throws<ArgumentException>(() => services.AddPlaidPartnerWebhooks(" "));
                Assert.Throws<ArgumentNullException>(() => services.AddPlaidPartnerWebhooks().Configure(null!));
                Assert.Throws<ArgumentNullException>(() => app.MapPlaidPartnerWebhooks(null!));
                Assert.Throws<ArgumentException>(() => app.MapPlaidPartnerWebhooks("/x", ""));
            });
        }

        [Test]
        public void The_options_show_every_setting()
        {
            Assert.That(new PlaidWebhookEndpointOptions().ToString(), Is.EqualTo("PlaidWebhookEndpointOptions { MaxBodyBytes = 65536, SuppressDuplicateDeliveries = False }"));
        }

        private static void Credentials(PlaidPartnerOptions options)
        {
            options.ClientId = "test-partner-client";
            options.Secret = "0123456789abcdef0123456789abcd";
            options.Environment = PlaidEnvironment.Production;
        }

        private static WebApplication Build(Action<IServiceCollection> configure)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            configure(builder.Services);
            return builder.Build();
        }
    }
}
