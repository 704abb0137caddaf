using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using Answer = Plaid.Partner.Emulator.Tests.TestSupport.ScriptedReceiver.Answer;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>
    /// Plaid's delivery schedule on the emulator's clock (Plaid's webhook guide, "Webhook retries"): retried after
    /// 30 s, then each wait four times the last, for 24 hours; Retry-After honoured on a 429 up to 4 hours; the 90% rule.
    /// The clock is a FakeTimeProvider moved only by AdvanceClockAsync, so each attempt's time is exact.
    /// </summary>
    public class WebhookRetryTests
    {
        private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [Test]
        public async Task A_receiver_that_answers_500_twice_then_200_gets_three_attempts_at_the_scheduled_times_and_nothing_is_lost()
        {
            await using var receiver = await ScriptedReceiver.StartAsync(200, new Answer(500), new Answer(500));
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);

            var first = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(25));
            var delivery = (await emulator.GetWebhookDeliveriesAsync()).Single();

            Assert.Multiple(() =>
            {
                Assert.That(first!.StatusCode, Is.EqualTo(500));
                Assert.That(first.NextAttemptAt, Is.EqualTo(T0.AddSeconds(30)));
                Assert.That(delivery.Attempts.Select(a => a.At), Is.EqualTo(new[] { T0, T0.AddSeconds(30), T0.AddSeconds(30 + 120) }));
                Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 500, 500, 200 }));
                Assert.That(delivery.State, Is.EqualTo(EmulatorWebhookDeliveryState.Delivered));
                Assert.That(delivery.NextAttemptAt, Is.Null);
                Assert.That(receiver.Count, Is.EqualTo(3), "no attempt after the 200");
                Assert.That(receiver.Bodies, Has.All.EqualTo(delivery.Body), "every attempt carries the same body");
            });
        }

        [TestCase("120", 120, TestName = "Retry-After in seconds")]
        [TestCase("PT10M", 600, TestName = "Retry-After as an ISO 8601 duration")]
        [TestCase("DATE+300", 300, TestName = "Retry-After as an HTTP date")]
        [TestCase("86400", 4 * 3600, TestName = "Retry-After beyond 4 hours is capped at 4 hours")]
        public async Task A_429_with_retry_after_is_tried_again_when_it_asks(string retryAfter, int expectedSeconds)
        {
            var header = retryAfter == "DATE+300" ? T0.AddSeconds(300).ToString("r", CultureInfo.InvariantCulture) : retryAfter;
            await using var receiver = await ScriptedReceiver.StartAsync(200, new Answer(429, header));
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);

            var first = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(5));
            var delivery = (await emulator.GetWebhookDeliveriesAsync()).Single();

            Assert.Multiple(() =>
            {
                Assert.That(first!.Attempts.Single().RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
                Assert.That(first.NextAttemptAt, Is.EqualTo(T0.AddSeconds(expectedSeconds)));
                Assert.That(delivery.Attempts.Select(a => a.At), Is.EqualTo(new[] { T0, T0.AddSeconds(expectedSeconds) }));
                Assert.That(delivery.State, Is.EqualTo(EmulatorWebhookDeliveryState.Delivered));
            });
        }

        [Test]
        public async Task A_receiver_that_never_answers_gets_attempts_for_24_hours_and_then_none()
        {
            var url = new Uri($"http://127.0.0.1:{LoopbackHost.UnusedPort()}/hook");
            await using var emulator = await StartAsync(url);
            var id = await CreateCustomerAsync(emulator);

            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(24));
            var atDayEnd = (await emulator.GetWebhookDeliveriesAsync()).Single();
            await emulator.AdvanceClockAsync(TimeSpan.FromDays(3));
            var later = (await emulator.GetWebhookDeliveriesAsync()).Single();

            // Waits of 30 s, 2, 8, 32, 128 and 512 min; the next (2048 min) would end past 24 h after the first attempt.
            var expected = new[] { 0, 30, 150, 630, 2550, 10230, 40950 }.Select(s => T0.AddSeconds(s));
            Assert.Multiple(() =>
            {
                Assert.That(atDayEnd.Attempts.Select(a => a.At), Is.EqualTo(expected));
                Assert.That(atDayEnd.Attempts, Has.All.Property(nameof(EmulatorWebhookAttempt.StatusCode)).Null);
                Assert.That(atDayEnd.State, Is.EqualTo(EmulatorWebhookDeliveryState.GivenUp));
                Assert.That(atDayEnd.GivenUpReason, Does.Contain("24 hours"));
                Assert.That(atDayEnd.NextAttemptAt, Is.Null);
                Assert.That(later.Attempts, Has.Count.EqualTo(7), "no attempt after the 24 hours");
            });
        }

        [Test]
        public async Task A_receiver_that_does_not_answer_within_10_seconds_of_the_emulators_clock_is_given_up_on_and_retried()
        {
            await using var receiver = await ScriptedReceiver.StartAsync(200, Answer.NoAnswer);
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);

            var arrived = receiver.NextRequestAsync();
            var sending = emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await arrived;
            await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(10));
            var first = await sending;
            await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(20));
            var delivery = (await emulator.GetWebhookDeliveriesAsync()).Single();

            Assert.Multiple(() =>
            {
                Assert.That(first!.StatusCode, Is.Null);
                Assert.That(first.Error, Does.Contain("did not answer within 10 s"));
                Assert.That(first.Attempts.Single().Duration, Is.EqualTo(TimeSpan.FromSeconds(10)));
                Assert.That(first.NextAttemptAt, Is.EqualTo(T0.AddSeconds(30)));
                Assert.That(delivery.Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { null, 200 }));
                Assert.That(delivery.Attempts[1].At, Is.EqualTo(T0.AddSeconds(30)));
            });
        }

        [Test]
        public async Task Retries_stop_for_a_receiver_that_refused_more_than_90_percent_of_its_webhooks_in_24_hours()
        {
            await using var receiver = await ScriptedReceiver.StartAsync(500);
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);
            var statuses = new[]
            {
                PartnerEndCustomerOAuthInstitutionApplicationStatus.Processing,
                PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved,
            };

            EmulatorWebhookDelivery? tenth = null;
            for (var i = 0; i < 10; i++)
            {
                tenth = await emulator.SetOAuthStatusAsync(id, "ins_56", statuses[i % 2]);
            }

            var ninth = (await emulator.GetWebhookDeliveriesAsync())[8];
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(24));
            var deliveries = await emulator.GetWebhookDeliveriesAsync();

            Assert.Multiple(() =>
            {
                Assert.That(ninth.State, Is.EqualTo(EmulatorWebhookDeliveryState.Pending), "9 of 9 refused: under the rule's minimum of 10 webhooks");
                Assert.That(tenth!.State, Is.EqualTo(EmulatorWebhookDeliveryState.GivenUp));
                Assert.That(tenth.GivenUpReason, Does.Contain("90%"));
                Assert.That(tenth.Attempts, Has.Count.EqualTo(1));
                Assert.That(deliveries, Has.All.Property(nameof(EmulatorWebhookDelivery.State)).EqualTo(EmulatorWebhookDeliveryState.GivenUp));
                Assert.That(deliveries.Select(d => d.Attempts.Count), Has.All.LessThanOrEqualTo(2), "the nine earlier ones got one retry at most");
                Assert.That(receiver.Count, Is.EqualTo(deliveries.Sum(d => d.Attempts.Count)));
            });
        }

        [Test]
        public async Task Every_attempt_is_listed_by_the_control_endpoint_with_the_next_retry()
        {
            await using var receiver = await ScriptedReceiver.StartAsync(500);
            await using var emulator = await StartAsync(receiver.Url);
            var id = await CreateCustomerAsync(emulator);
            await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(1));

            using var http = new System.Net.Http.HttpClient { BaseAddress = emulator.BaseAddress };
            var json = ControlJsonText.Parse(await http.GetStringAsync("__emulator/webhooks"));
            var delivery = json["deliveries"]![0]!;

            Assert.Multiple(() =>
            {
                Assert.That(delivery["attempts"]!.Select(a => (int?)a["status_code"]), Is.EqualTo(new int?[] { 500, 500 }));
                Assert.That(delivery["attempts"]!.Select(a => (string?)a["at"]), Has.All.Not.Null);
                Assert.That(delivery["attempts"]![0]!["duration"], Is.Not.Null);
                Assert.That((string?)delivery["next_attempt_at"], Does.StartWith("2026-12-07T09:02:30"));
                Assert.That((string?)delivery["state"], Is.EqualTo("pending"));
                Assert.That((string?)delivery["id"], Does.StartWith("wh_"));
            });
        }

        private static Task<PlaidPartnerEmulator> StartAsync(Uri webhookUrl) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = webhookUrl, TimeProvider = new FakeTimeProvider(T0) });

        private static async Task<string> CreateCustomerAsync(PlaidPartnerEmulator emulator) =>
            (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
    }
}
