using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Tests.State
{
    /// <summary>The store's beta onboarding (State/CustomerStore.BetaOnboarding.cs), driven directly.</summary>
    public class CustomerStoreBetaOnboardingTests
    {
        private static JObject Details(string applicationName, bool complete) => new()
        {
            ["company_name"] = "Acme",
            ["application_name"] = applicationName,
            ["website"] = "https://acme.example",
            ["legal_entity_name"] = "Acme, Inc.",
            ["is_diligence_attested"] = true,
            ["address"] = new JObject { ["street"] = "1 Main St", ["city"] = "New York", ["postal_code"] = "10001", ["country_code"] = "US" },
            ["bank_addendum_acceptance"] = Addendum(complete),
        };

        private static JObject Addendum(bool accepted) =>
            new() { ["customer_accepted"] = accepted, ["customer_agreement_timestamp"] = "2025-01-01T01:00:00Z", ["customer_ip_address"] = "127.0.0.1" };

        [Test]
        public void The_view_carries_the_onboarding_in_clearly_named_members()
        {
            var store = new CustomerStore(CustomerStatus.UnderReview, TimeProvider.System);

            var created = store.CreateBeta("Acme", "App", Details("App", complete: false), new[] { "auth", "cra_base_report" }, RequirementsDue.Assess).Value!;
            var updated = store.UpdateBeta(created.ClientId, new JObject { ["bank_addendum_acceptance"] = new JObject { ["customer_accepted"] = true } }, RequirementsDue.Assess).Value!;

            var onboarding = updated.Onboarding!;
            Assert.Multiple(() =>
            {
                Assert.That(created.Onboarding!.RequirementsDue, Is.EqualTo(new[] { "bank_addendum_acceptance", "questionnaires.cra" }));
                Assert.That(onboarding.Products, Is.EqualTo(new[] { "auth", "cra_base_report" }));
                Assert.That(onboarding.RequirementsDue, Is.EqualTo(new[] { "questionnaires.cra" }));
                Assert.That(onboarding.ProductStatuses, Is.EqualTo(new Dictionary<string, string> { ["auth"] = "PENDING_ENABLEMENT", ["cra_base_report"] = "MORE_INFORMATION_NEEDED" }));
                Assert.That((string?)onboarding.Details.SelectToken("bank_addendum_acceptance.customer_ip_address"), Is.EqualTo("127.0.0.1"), "merged member by member");
                Assert.That((bool?)onboarding.Details.SelectToken("bank_addendum_acceptance.customer_accepted"), Is.True);
                Assert.That(updated.Status, Is.EqualTo(CustomerStatus.MoreInformationNeeded));
            });
        }

        [Test]
        public void A_view_is_a_copy_that_later_updates_do_not_change()
        {
            var store = new CustomerStore(CustomerStatus.UnderReview, TimeProvider.System);
            var before = store.CreateBeta("Acme", "App", Details("App", complete: false), new[] { "auth" }, RequirementsDue.Assess).Value!;

            store.UpdateBeta(before.ClientId, new JObject { ["bank_addendum_acceptance"] = Addendum(true), ["legal_entity_name"] = "Changed" }, RequirementsDue.Assess);

            Assert.Multiple(() =>
            {
                Assert.That((string?)before.Onboarding!.Details["legal_entity_name"], Is.EqualTo("Acme, Inc."));
                Assert.That(before.Onboarding.RequirementsDue, Is.EqualTo(new[] { "bank_addendum_acceptance" }));
            });
        }

        [Test]
        public void The_new_customer_status_option_is_for_ga_customers_only()
        {
            var store = new CustomerStore(CustomerStatus.PendingEnablement, TimeProvider.System);

            var due = store.CreateBeta("Acme", "Due", Details("Due", complete: false), new[] { "auth" }, RequirementsDue.Assess).Value!;
            var ready = store.CreateBeta("Acme", "Ready", Details("Ready", complete: true), new[] { "auth" }, RequirementsDue.Assess).Value!;

            Assert.Multiple(() =>
            {
                Assert.That(due.History, Is.EqualTo(new[] { CustomerStatus.MoreInformationNeeded }));
                Assert.That(ready.History, Is.EqualTo(new[] { CustomerStatus.PendingEnablement }));
            });
        }

        [Test]
        public async Task Racing_updates_and_enables_leave_only_legal_histories()
        {
            var store = new CustomerStore(CustomerStatus.UnderReview, TimeProvider.System);
            var ids = Enumerable.Range(0, 8)
                .Select(i => store.CreateBeta("Acme", $"App {i}", Details($"App {i}", complete: false), new[] { "auth", "identity" }, RequirementsDue.Assess).Value!.ClientId)
                .ToArray();

            var work = Enumerable.Range(0, 64).Select(worker => Task.Run(() =>
            {
                var random = new Random(worker);
                for (var call = 0; call < 200; call++)
                {
                    var id = ids[random.Next(ids.Length)];
                    switch (random.Next(3))
                    {
                        case 0:
                            store.UpdateBeta(id, new JObject { ["bank_addendum_acceptance"] = Addendum(random.Next(2) == 0) }, RequirementsDue.Assess);
                            break;
                        case 1:
                            store.EnableBeta(id, random.Next(2) == 0 ? null : new[] { "identity" });
                            break;
                        default:
                            store.GetBeta(id);
                            break;
                    }
                }
            }));
            await Task.WhenAll(work);

            foreach (var customer in store.Snapshot())
            {
                var moves = customer.History.Zip(customer.History.Skip(1));
                Assert.That(moves.Where(m => !CustomerStatus.IsLegal(m.First, m.Second)), Is.Empty, string.Join(" -> ", customer.History));
                Assert.That(customer.History.SkipWhile(s => s != CustomerStatus.Active), Has.All.EqualTo(CustomerStatus.Active), "ACTIVE is final");
                Assert.That(customer.History.Count(s => s == CustomerStatus.Active), Is.LessThanOrEqualTo(1));
            }
        }
    }
}
