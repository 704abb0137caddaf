using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Schedules
{
    /// <summary>OAuth registrations that follow a schedule after enable, each change sending the signed webhook.</summary>
    public class OAuthScheduleTests
    {
        private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [Test]
        public async Task After_enable_each_institution_follows_its_schedule_on_the_emulators_clock()
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using var emulator = await StartAsync(receiver.Url);
            await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(20)));
            await emulator.SetOAuthScheduleAsync("ins_1", EmulatorOAuthSchedule.AttentionRequiredAfter(TimeSpan.FromHours(2), "Application name is required"));
            await emulator.SetOAuthScheduleAsync("ins_128026", EmulatorOAuthSchedule.StaysProcessing);
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;

            await client.EnableEndCustomerAsync(id);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(19));
            var at19 = await client.GetEndCustomerOAuthInstitutionsAsync(id);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(1));
            var at20 = await client.GetEndCustomerOAuthInstitutionsAsync(id);
            await emulator.AdvanceClockAsync(TimeSpan.FromDays(30));
            var deliveries = await emulator.GetWebhookDeliveriesAsync();

            string Status(PartnerCustomerOAuthInstitutionsGetResponse r, string institution) =>
                r.Institutions!.Single(i => i.InstitutionId == institution).Environments!.Production!.Value.ToString();
            Assert.Multiple(() =>
            {
                Assert.That(Status(at19, "ins_56"), Is.EqualTo("PROCESSING"));
                Assert.That(Status(at19, "ins_1"), Is.EqualTo("ATTENTION_REQUIRED"));
                Assert.That(at19.Institutions!.Single(i => i.InstitutionId == "ins_1").Errors!.Single()!.ErrorMessage, Is.EqualTo("Application name is required"));
                Assert.That(Status(at20, "ins_56"), Is.EqualTo("APPROVED"));
                Assert.That(Status(at20, "ins_128026"), Is.EqualTo("PROCESSING"), "a registration without steps stays PROCESSING");
                Assert.That(deliveries.Select(d => (string)JObject.Parse(d.Body)["status"]!),
                    Is.EqualTo(new[] { "processing", "processing", "processing", "attention-required", "approved" }));
                Assert.That(deliveries.Skip(3).Select(d => d.SentAt), Is.EqualTo(new[] { T0.AddHours(2), T0.AddHours(20) }));
                Assert.That(deliveries, Has.All.Property(nameof(EmulatorWebhookDelivery.Delivered)).True);
            });
        }

        [Test]
        public async Task A_schedule_for_one_active_customer_starts_now_and_wins_over_the_institutions()
        {
            await using var emulator = await StartAsync(null);
            await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(1)));
            var client = emulator.CreateClient();
            var first = (await client.CreateEndCustomerAsync(CreateRequests.Valid("First App"))).EndCustomer!.ClientId!;
            var second = (await client.CreateEndCustomerAsync(CreateRequests.Valid("Second App"))).EndCustomer!.ClientId!;
            await client.EnableEndCustomerAsync(first);
            await client.EnableEndCustomerAsync(second);

            await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(30));
            await emulator.SetOAuthScheduleAsync(
                "ins_56",
                EmulatorOAuthSchedule.StaysProcessing.Then(TimeSpan.FromHours(3), PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled),
                second);
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(1));
            var customers = await emulator.GetCustomersAsync();
            await emulator.AdvanceClockAsync(TimeSpan.FromHours(3));
            var later = await emulator.GetCustomersAsync();

            Assert.Multiple(() =>
            {
                Assert.That(customers.Single(c => c.ClientId == first).OAuthStatuses["ins_56"], Is.EqualTo("APPROVED"));
                Assert.That(customers.Single(c => c.ClientId == second).OAuthStatuses["ins_56"], Is.EqualTo("PROCESSING"), "its own schedule replaced the waiting step");
                Assert.That(later.Single(c => c.ClientId == second).OAuthStatuses["ins_56"], Is.EqualTo("ENABLED"));
            });
        }

        [Test]
        public async Task The_control_endpoint_sets_and_lists_schedules_and_their_waiting_steps()
        {
            await using var emulator = await StartAsync(null);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            var client = emulator.CreateClient();

            using var set = await http.PostAsync(
                "__emulator/oauth_schedule",
                new StringContent("{\"institution_id\":\"ins_56\",\"steps\":[{\"after_hours\":20,\"status\":\"approved\"}]}", Encoding.UTF8, "application/json"));
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await client.EnableEndCustomerAsync(id);
            var listed = ControlJsonText.Parse(await http.GetStringAsync("__emulator/oauth_schedule"));
            using var unknown = await http.PostAsync(
                "__emulator/oauth_schedule",
                new StringContent("{\"institution_id\":\"ins_999\",\"steps\":[]}", Encoding.UTF8, "application/json"));
            using var badStatus = await http.PostAsync(
                "__emulator/oauth_schedule",
                new StringContent("{\"institution_id\":\"ins_56\",\"steps\":[{\"after_hours\":1,\"status\":\"DONE\"}]}", Encoding.UTF8, "application/json"));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That((int)set.StatusCode, Is.EqualTo(200));
                Assert.That((string?)listed["schedules"]![0]!["steps"]![0]!["status"], Is.EqualTo("APPROVED"));
                Assert.That((string?)listed["pending"]![0]!["end_customer_client_id"], Is.EqualTo(id));
                Assert.That((string?)listed["pending"]![0]!["due_at"], Does.StartWith("2026-12-08T05:00:00"));
                Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
                Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("ins_999"));
                Assert.That((int)badStatus.StatusCode, Is.EqualTo(400));
            });
        }

        private static Task<PlaidPartnerEmulator> StartAsync(Uri? webhookUrl) =>
            PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                WebhookUrl = webhookUrl,
                TimeProvider = new FakeTimeProvider(T0),
                NewCustomerStatus = PartnerEndCustomerStatus.PendingEnablement,
            });
    }
}
