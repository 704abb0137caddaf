using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.State
{
    /// <summary>The lifecycle of Plaid docs, Account › Resellers, as the emulator records it.</summary>
    public class CustomerStoreTests
    {
        [Test]
        public async Task A_customer_goes_under_review_then_pending_then_active()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid("Lifecycle App"))).EndCustomer!.ClientId!;

            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
            await client.EnableEndCustomerAsync(id);

            var customer = (await emulator.GetCustomersAsync()).Single();
            Assert.Multiple(() =>
            {
                Assert.That(customer.ClientId, Is.EqualTo(id));
                Assert.That(customer.ApplicationName, Is.EqualTo("Lifecycle App"));
                Assert.That(customer.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(customer.Removed, Is.False);
                Assert.That(customer.StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE" }));
                Assert.That(customer.OAuthStatuses.Values, Has.All.EqualTo("PROCESSING"));
            });
        }

        [Test]
        public async Task A_removed_customer_keeps_its_last_status_and_ends_its_history_with_removed()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var id = (await client.CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.Denied);

            await client.RemoveEndCustomerAsync(id);

            var customer = (await emulator.GetCustomersAsync()).Single();
            Assert.Multiple(() =>
            {
                Assert.That(customer.Removed, Is.True);
                Assert.That(customer.Status, Is.EqualTo(PartnerEndCustomerStatus.Denied));
                Assert.That(customer.StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW", "DENIED", "REMOVED" }));
                Assert.That(customer.ToString(), Does.Contain(id).And.Contain("Removed = True"));
            });
        }

        [TestCase("PENDING_ENABLEMENT")]
        [TestCase("DENIED")]
        public async Task New_customers_can_start_with_their_review_already_finished(string status)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { NewCustomerStatus = new PartnerEndCustomerStatus(status) });

            var created = await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid());

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(created.EndCustomer!.Status.ToString(), Is.EqualTo(status));
                Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW", status }));
            });
        }

        [Test]
        public async Task Two_simultaneous_creates_of_one_application_create_one_customer()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var client = emulator.CreateClient();
            var name = CreateRequests.UniqueName();

            var attempts = Enumerable.Range(0, 8).Select(async _ =>
            {
                try
                {
                    return (await client.CreateEndCustomerAsync(CreateRequests.Valid(name))).EndCustomer!.ClientId!;
                }
                catch (PlaidApiException e)
                {
                    return e.ErrorCode!;
                }
            }).ToList();
            var results = await Task.WhenAll(attempts);

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(results.Count(r => r == PlaidPartnerErrorCodes.CustomerAlreadyCreated), Is.EqualTo(7));
                Assert.That(await emulator.GetCustomersAsync(), Has.Count.EqualTo(1));
            });
        }
    }
}
