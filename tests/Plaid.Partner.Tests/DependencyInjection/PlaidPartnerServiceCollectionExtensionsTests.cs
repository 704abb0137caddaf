using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.DependencyInjection
{
    public class PlaidPartnerServiceCollectionExtensionsTests
    {
        private static IConfiguration Configuration(params (string Key, string? Value)[] values)
        {
            var data = new Dictionary<string, string?>();
            foreach (var (key, value) in values)
            {
                data[key] = value;
            }

            return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        }

        private static readonly (string, string?)[] ValidPlaid =
        {
            ("Plaid:ClientId", "partner-client"),
            ("Plaid:Secret", MockPlaid.Secret),
            ("Plaid:Environment", "Production"),
        };

        [Test]
        public async Task A_client_bound_from_configuration_calls_the_configured_environment_through_the_factory()
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("https://production.plaid.com/partner/customer/get")
                .WithHeaders("PLAID-CLIENT-ID", "partner-client")
                .WithHeaders("PLAID-SECRET", MockPlaid.Secret)
                .Respond("application/json", PlaidExampleResponses.GetResponse);
            var services = new ServiceCollection();

            var builder = services.AddPlaidPartner(Configuration(ValidPlaid).GetSection("Plaid"));
            builder.ConfigurePrimaryHttpMessageHandler(() => mock);
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<PlaidPartnerClient>();

            var response = await client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");

            Assert.Multiple(() =>
            {
                Assert.That(builder.Name, Is.EqualTo(PlaidPartnerServiceCollectionExtensions.DefaultHttpClientName));
                Assert.That(client.Environment, Is.SameAs(PlaidEnvironment.Production));
                Assert.That(response.RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            });
        }

        [Test]
        public async Task Handlers_added_to_the_returned_builder_see_every_request()
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("*").Respond("application/json", PlaidExampleResponses.RemoveResponse);
            var counter = new CountingHandler();
            var services = new ServiceCollection();
            services.AddPlaidPartner(o =>
                {
                    o.ClientId = "c";
                    o.Secret = "s";
                })
                .ConfigurePrimaryHttpMessageHandler(() => mock)
                .AddHttpMessageHandler(() => counter);
            await using var provider = services.BuildServiceProvider();

            await provider.GetRequiredService<PlaidPartnerClient>().RemoveEndCustomerAsync("id");

            Assert.That(counter.Requests, Is.EqualTo(1));
        }

        [Test]
        public async Task Two_partner_accounts_live_side_by_side_as_keyed_services()
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("https://production.plaid.com/*").WithHeaders("PLAID-CLIENT-ID", "account-a").Respond("application/json", "{\"request_id\":\"from-a\"}");
            mock.When("https://sandbox.plaid.com/*").WithHeaders("PLAID-CLIENT-ID", "account-b").Respond("application/json", "{\"request_id\":\"from-b\"}");
            var configuration = Configuration(
                ("PlaidA:ClientId", "account-a"), ("PlaidA:Secret", "secret-a"), ("PlaidA:Environment", "production"),
                ("PlaidB:ClientId", "account-b"), ("PlaidB:Secret", "secret-b"), ("PlaidB:Environment", "sandbox"));
            var services = new ServiceCollection();
            services.AddPlaidPartner("a", configuration.GetSection("PlaidA")).ConfigurePrimaryHttpMessageHandler(() => mock);
            services.AddPlaidPartner("b", configuration.GetSection("PlaidB")).ConfigurePrimaryHttpMessageHandler(() => mock);
            await using var provider = services.BuildServiceProvider();

            var a = provider.GetRequiredKeyedService<PlaidPartnerClient>("a");
            var b = provider.GetRequiredKeyedService<PlaidPartnerClient>("b");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That((await a.RemoveEndCustomerAsync("x")).RequestId, Is.EqualTo("from-a"));
                Assert.That((await b.RemoveEndCustomerAsync("x")).RequestId, Is.EqualTo("from-b"));
                Assert.That(a.Environment, Is.SameAs(PlaidEnvironment.Production));
                Assert.That(b.Environment, Is.SameAs(PlaidEnvironment.Sandbox));
            });
        }

        [Test]
        public async Task Each_registration_has_one_webhook_verifier_fetching_keys_through_its_client_on_the_registered_clock()
        {
            var time = new FakeTimeProvider(WebhookHarness.Start);
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var keys = new MockKeyEndpoint(plaid);
            using var key = new TestSigningKey();
            keys.Serve(key);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddPlaidPartner(o =>
                {
                    o.ClientId = "partner-client";
                    o.Secret = MockPlaid.Secret;
                    o.Environment = PlaidEnvironment.Production;
                })
                .ConfigurePrimaryHttpMessageHandler(() => plaid.Handler);
            services.AddPlaidPartner("b", o =>
            {
                o.ClientId = "account-b";
                o.Secret = "secret-b";
            });
            services.Configure<PlaidWebhookVerifierOptions>("b", o => o.ClockSkew = TimeSpan.FromHours(1));
            await using var provider = services.BuildServiceProvider();
            var body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

            var verifier = provider.GetRequiredService<PlaidWebhookVerifier>();
            var result = await verifier.VerifyAsync(body, key.Sign(body, time.GetUtcNow()));

            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.True, result.ToString());
                Assert.That(keys.Calls, Is.EqualTo(1));
                Assert.That(provider.GetRequiredService<PlaidWebhookVerifier>(), Is.SameAs(verifier), "one verifier keeps one key cache");
                var named = Assert.Throws<ArgumentException>(() => provider.GetRequiredKeyedService<PlaidWebhookVerifier>("b"));
                Assert.That(named!.Message, Does.Contain("ClockSkew"), "the named registration's verifier options are applied");
            });
        }

        [TestCase(true, TestName = "Verifier options configured before AddPlaidPartner all apply, its clock included")]
        [TestCase(false, TestName = "Verifier options configured after AddPlaidPartner all apply, its clock included")]
        public async Task Verifier_options_apply_in_any_order_of_registration(bool configureFirst)
        {
            // The registered clock is a month later than the verifier's own: a token signed on the verifier's clock verifies
            // only if the verifier judges iat by it.
            var registered = new FakeTimeProvider(WebhookHarness.Start.AddDays(30));
            var own = new FakeTimeProvider(WebhookHarness.Start);
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var keys = new MockKeyEndpoint(plaid);
            using var key = new TestSigningKey();
            keys.Serve(key);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(registered);
            void ConfigureVerifier() => services.Configure<PlaidWebhookVerifierOptions>(o =>
            {
                o.TimeProvider = own;
                o.KeyFetchTimeout = TimeSpan.FromSeconds(2);
                o.ClockSkew = TimeSpan.FromSeconds(7);
            });

            if (configureFirst)
            {
                ConfigureVerifier();
            }

            services.AddPlaidPartner(o =>
                {
                    o.ClientId = "partner-client";
                    o.Secret = MockPlaid.Secret;
                    o.Environment = PlaidEnvironment.Production;
                })
                .ConfigurePrimaryHttpMessageHandler(() => plaid.Handler);
            if (!configureFirst)
            {
                ConfigureVerifier();
            }

            await using var provider = services.BuildServiceProvider();
            var options = provider.GetRequiredService<IOptionsMonitor<PlaidWebhookVerifierOptions>>().Get(Options.DefaultName);
            var body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

            var result = await provider.GetRequiredService<PlaidWebhookVerifier>().VerifyAsync(body, key.Sign(body, own.GetUtcNow()));

            Assert.Multiple(() =>
            {
                Assert.That(options.TimeProvider, Is.SameAs(own), "the application's clock, not the registered one");
                Assert.That(options.KeyFetchTimeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
                Assert.That(options.ClockSkew, Is.EqualTo(TimeSpan.FromSeconds(7)));
                Assert.That(result.IsVerified, Is.True, result.ToString());
            });
        }

        [Test]
        public async Task The_webhook_verifier_fetches_keys_with_the_options_of_the_moment_after_a_configuration_change()
        {
            const string rotatedSecret = "fedcba9876543210fedcba98765432";
            var time = new FakeTimeProvider(WebhookHarness.Start);
            var fetches = new List<string>();
            using var mock = new MockHttpMessageHandler();
            mock.When(HttpMethod.Post, "*" + PlaidOperations.WebhookVerificationKeyGetPath).Respond(request =>
            {
                lock (fetches)
                {
                    fetches.Add(request.RequestUri!.Host + " " + string.Join(",", request.Headers.GetValues("PLAID-SECRET")));
                }

                const string unknownKeyId = "{\"error_type\":\"INVALID_INPUT\",\"error_code\":\"INVALID_WEBHOOK_VERIFICATION_KEY_ID\","
                    + "\"error_message\":\"invalid key_id provided\",\"display_message\":null,\"request_id\":\"HNTDNrA8F1shFEW\"}";
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(unknownKeyId, Encoding.UTF8, "application/json") };
            });
            var configuration = (IConfigurationRoot)Configuration(ValidPlaid);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddPlaidPartner(configuration.GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => mock);
            await using var provider = services.BuildServiceProvider();
            var verifier = provider.GetRequiredService<PlaidWebhookVerifier>();
            var body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();
            using var keyBefore = new TestSigningKey();
            using var keyAfter = new TestSigningKey();
            var before = await verifier.VerifyAsync(body, keyBefore.Sign(body, time.GetUtcNow()));

            // A rotated secret and another environment, as a reloaded appsettings.json or secret store would bring.
            configuration["Plaid:Secret"] = rotatedSecret;
            configuration["Plaid:Environment"] = "sandbox";
            configuration.Reload();
            var after = await verifier.VerifyAsync(body, keyAfter.Sign(body, time.GetUtcNow()));

            Assert.Multiple(() =>
            {
                Assert.That(provider.GetRequiredService<PlaidWebhookVerifier>(), Is.SameAs(verifier), "still one verifier, one key cache");
                Assert.That(new[] { before.FailureReason, after.FailureReason }, Is.All.EqualTo(WebhookVerificationFailureReason.KeyNotFound));
                Assert.That(fetches, Is.EqualTo(new[] { "production.plaid.com " + MockPlaid.Secret, "sandbox.plaid.com " + rotatedSecret }));
            });
        }

        [Test]
        public async Task While_a_configuration_change_leaves_the_options_invalid_key_fetches_fail_as_a_result_naming_the_key()
        {
            using var mock = new MockHttpMessageHandler();
            var anyRequest = mock.When("*").Respond(HttpStatusCode.InternalServerError);
            var configuration = (IConfigurationRoot)Configuration(ValidPlaid);
            var services = new ServiceCollection();
            services.AddPlaidPartner(configuration.GetSection("Plaid")).ConfigurePrimaryHttpMessageHandler(() => mock);
            await using var provider = services.BuildServiceProvider();
            var verifier = provider.GetRequiredService<PlaidWebhookVerifier>();
            var body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();
            using var key = new TestSigningKey();

            configuration["Plaid:Secret"] = "a secret with spaces";
            Assert.That(configuration.Reload, Throws.InstanceOf<AggregateException>(), "the options monitor refuses the change");
            var result = await verifier.VerifyAsync(body, key.Sign(body, DateTimeOffset.UtcNow));

            Assert.Multiple(() =>
            {
                Assert.That(result.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyFetchFailed));
                Assert.That(result.Message, Does.Contain("Plaid:Secret").And.Not.Contain("a secret with spaces"));
                Assert.That(mock.GetMatchCount(anyRequest), Is.Zero, "nothing was sent");
            });
        }

        [Test]
        public async Task Retry_and_timeout_settings_bind_from_configuration()
        {
            var configuration = Configuration(
                ("Plaid:ClientId", "c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:BaseAddress", "http://127.0.0.1:5005"),
                ("Plaid:Timeout", "00:00:20"), ("Plaid:AttemptTimeout", "00:00:05"),
                ("Plaid:Retry:MaxRetryAttempts", "0"), ("Plaid:Retry:BaseDelay", "00:00:00.250"), ("Plaid:MaxResponseBodyBytes", "65536"));
            var services = new ServiceCollection();
            services.AddPlaidPartner(configuration.GetSection("Plaid"));
            await using var provider = services.BuildServiceProvider();

            var options = provider.GetRequiredService<IOptionsMonitor<PlaidPartnerOptions>>().CurrentValue;
            var client = provider.GetRequiredService<PlaidPartnerClient>();

            Assert.Multiple(() =>
            {
                Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
                Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(options.Retry.MaxRetryAttempts, Is.Zero);
                Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
                Assert.That(options.MaxResponseBodyBytes, Is.EqualTo(65536));
                Assert.That(client.Environment.BaseAddress.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5005/"));
                Assert.That(client.Environment.IsSandbox, Is.True);
            });
        }

        private static readonly object[] InvalidConfigurations =
        {
            new object[] { new[] { ("Plaid:Secret", (string?)MockPlaid.Secret) }, "Plaid:ClientId" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c") }, "Plaid:Secret" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:Environment", "development") }, "Plaid:Environment" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:Environment", "staging") }, "Plaid:Environment" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:BaseAddress", "not a uri") }, "Plaid:BaseAddress" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:BaseAddress", "ftp://127.0.0.1") }, "Plaid:BaseAddress" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:BaseAddress", "http://proxy.example.com") }, "Plaid:BaseAddress" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:Timeout", "-00:00:01") }, "Plaid:Timeout" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:AttemptTimeout", "00:00:00") }, "Plaid:AttemptTimeout" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:Retry:MaxRetryAttempts", "50") }, "Plaid:Retry:MaxRetryAttempts" },
            new object[] { new[] { ("Plaid:ClientId", (string?)"c"), ("Plaid:Secret", MockPlaid.Secret), ("Plaid:MaxResponseBodyBytes", "0") }, "Plaid:MaxResponseBodyBytes" },
        };

        [TestCaseSource(nameof(InvalidConfigurations))]
        public void A_host_with_invalid_options_fails_to_start_naming_the_configuration_key((string, string?)[] settings, string key)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(ToDictionary(settings));
            builder.Services.AddPlaidPartner(builder.Configuration.GetSection("Plaid"));
            using var host = builder.Build();

            var exception = Assert.CatchAsync<Exception>(() => host.StartAsync());

            Assert.That(exception!.ToString(), Does.Contain(key));
            Assert.That(exception.ToString(), Does.Not.Contain(MockPlaid.Secret));
        }

        [Test]
        public async Task A_host_with_valid_options_starts()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(ToDictionary(ValidPlaid));
            builder.Services.AddPlaidPartner(builder.Configuration.GetSection("Plaid"));
            using var host = builder.Build();

            await host.StartAsync();

            Assert.That(host.Services.GetRequiredService<PlaidPartnerClient>().Environment, Is.SameAs(PlaidEnvironment.Production));
            await host.StopAsync();
        }

        [Test]
        public void Options_set_in_code_are_validated_with_their_property_names()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddPlaidPartner(o => o.ClientId = "c");
            using var host = builder.Build();

            var exception = Assert.CatchAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.That(exception!.Message, Does.Contain("PlaidPartnerOptions.Secret"));
        }

        [Test]
        public void Registration_arguments_are_checked()
        {
            var services = new ServiceCollection();

            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentNullException>(() => services.AddPlaidPartner((IConfiguration)null!));
                Assert.Throws<ArgumentNullException>(() => services.AddPlaidPartner((Action<PlaidPartnerOptions>)null!));
                Assert.Throws<ArgumentException>(() => services.AddPlaidPartner(" ", o => { }));
            });
        }

        private static Dictionary<string, string?> ToDictionary((string Key, string? Value)[] settings)
        {
            var data = new Dictionary<string, string?>();
            foreach (var (key, value) in settings)
            {
                data[key] = value;
            }

            return data;
        }

        private sealed class CountingHandler : DelegatingHandler
        {
            private int _requests;

            public int Requests => _requests;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _requests);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
