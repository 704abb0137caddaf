using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.AspNetCore;
using Plaid.Partner.DependencyInjection;

namespace Plaid.Partner.Emulator.Tests.Integration
{
    /// <summary>
    /// Duplicated and reordered deliveries reach a real receiver: MapPlaidPartnerWebhooks, verifying each signature with
    /// the emulator's key (fetched through the client) on the emulator's clock, and its handlers.
    /// </summary>
    [NonParallelizable]
    public class ReceiverFaultsEndToEndTests
    {
        private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [TestCase(true, 1, TestName = "With duplicate suppression on, a duplicate delivery runs the handler once")]
        [TestCase(false, 2, TestName = "With duplicate suppression off, a duplicate delivery runs the handler twice")]
        public async Task A_duplicate_delivery_reaches_the_endpoint(bool suppress, int expectedRuns)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(T0) });
            await using var receiver = await Receiver.StartAsync(emulator, suppress);
            await emulator.SetWebhookUrlAsync(receiver.Url);
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(TestSupport.CreateRequests.Valid())).EndCustomer!.ClientId!;

            await emulator.SendNextWebhooksTwiceAsync();
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.Zero);
            var deliveries = await emulator.GetWebhookDeliveriesAsync();

            Assert.Multiple(() =>
            {
                Assert.That(deliveries, Has.Count.EqualTo(2));
                Assert.That(deliveries.Select(d => d.StatusCode), Has.All.EqualTo(200), "both copies are answered 200");
                Assert.That(receiver.Handled.Count(h => h == "ins_56 approved"), Is.EqualTo(expectedRuns));
            });
        }

        [Test]
        public async Task A_held_back_delivery_reaches_the_handler_after_the_newer_one()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(T0) });
            await using var receiver = await Receiver.StartAsync(emulator, suppress: true);
            await emulator.SetWebhookUrlAsync(receiver.Url);
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(TestSupport.CreateRequests.Valid())).EndCustomer!.ClientId!;

            await emulator.HoldNextWebhookAsync();
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing);
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.Zero);

            Assert.That(receiver.Handled, Is.EqualTo(new[] { "ins_56 approved", "ins_56 processing" }));
        }

        [Test]
        public async Task A_retry_hours_later_is_signed_anew_and_verifies_on_the_emulators_clock()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { TimeProvider = new FakeTimeProvider(T0) });
            await using var receiver = await Receiver.StartAsync(emulator, suppress: true, failFirst: 3);
            await emulator.SetWebhookUrlAsync(receiver.Url);
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(TestSupport.CreateRequests.Valid())).EndCustomer!.ClientId!;

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(1));
            var delivery = (await emulator.GetWebhookDeliveriesAsync()).Single();

            Assert.Multiple(() =>
            {
                Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 500, 500, 500, 200 }));
                Assert.That(delivery.Attempts[3].At, Is.EqualTo(T0.AddSeconds(30 + 120 + 480)), "a token signed at T0 would be too old by then");
                Assert.That(receiver.Handled, Is.EqualTo(new[] { "ins_56 approved" }));
            });
        }

        /// <summary>The receiver app: MapPlaidPartnerWebhooks on 127.0.0.1 with a handler that records each webhook it handles.</summary>
        private sealed class Receiver : IAsyncDisposable
        {
            private readonly WebApplication _app;

            private Receiver(WebApplication app, Uri url, HandledLog log)
            {
                _app = app;
                Url = url;
                Log = log;
            }

            public Uri Url { get; }

            public string[] Handled => Log.Entries.ToArray();

            private HandledLog Log { get; }

            public static async Task<Receiver> StartAsync(PlaidPartnerEmulator emulator, bool suppress, int failFirst = 0)
            {
                var log = new HandledLog { FailuresLeft = failFirst };
                var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
                builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
                builder.Services.AddRoutingCore();
                builder.Services.AddSingleton(emulator.Clock); // the verifier judges iat by the emulator's time
                builder.Services.AddSingleton(log);
                builder.Services.AddDistributedMemoryCache();
                builder.Services.AddPlaidPartner(options =>
                {
                    options.ClientId = emulator.ClientId;
                    options.Secret = emulator.Secret;
                    options.Environment = emulator.Environment;
                });
                builder.Services.AddPlaidPartnerWebhooks()
                    .AddHandler<RecordingHandler>()
                    .Configure(options => options.SuppressDuplicateDeliveries = suppress);
                var app = builder.Build();
                app.MapPlaidPartnerWebhooks("/plaid/webhooks");
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                return new Receiver(app, new Uri(address + "/plaid/webhooks"), log);
            }

            public async ValueTask DisposeAsync()
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }
        }

        private sealed class HandledLog
        {
            public ConcurrentQueue<string> Entries { get; } = new();

            public int FailuresLeft;
        }

        /// <summary>Records "institution status" per handled webhook; fails the first few to make the emulator retry.</summary>
        private sealed class RecordingHandler(HandledLog log) : IPlaidWebhookHandler<PartnerEndCustomerOAuthStatusUpdatedWebhook>
        {
            public Task HandleAsync(PartnerEndCustomerOAuthStatusUpdatedWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
            {
                if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
                {
                    throw new InvalidOperationException("planned failure: the endpoint answers 500");
                }

                log.Entries.Enqueue($"{webhook.InstitutionId} {webhook.Status}");
                return Task.CompletedTask;
            }
        }
    }
}
