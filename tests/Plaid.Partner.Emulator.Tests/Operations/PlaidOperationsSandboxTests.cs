using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Operations
{
    /// <summary>Plaid API docs, Partner › /partner/customer/create: in Sandbox, create answers with a sample and creates nothing.</summary>
    public class PlaidOperationsSandboxTests
    {
        [Test]
        public async Task Create_returns_Plaids_sample_and_stores_nothing()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });
            var client = emulator.CreateClient();

            var sample = await client.CreateEndCustomerSandboxSampleAsync(CreateRequests.Valid());
            var again = await client.CreateEndCustomerSandboxSampleAsync(CreateRequests.Valid());

            var customer = sample.Response.EndCustomer!;
            await Assert.MultipleAsync(async () =>
            {
                Assert.That(sample.IsSample, Is.True);
                Assert.That(customer.ClientId, Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That(customer.CompanyName, Is.EqualTo("Plaid"));
                Assert.That(customer.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(customer.Secrets!.Sandbox, Is.EqualTo("b60b5201d006ca5a7081d27c824d77"));
                Assert.That(customer.Secrets.Production, Is.EqualTo("79g03eoofwl8240v776r2h667442119"));
                Assert.That(again.Response.RequestId, Is.Not.EqualTo(sample.Response.RequestId));
                Assert.That(await emulator.GetCustomersAsync(), Is.Empty);
                var missing = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync(customer.ClientId!));
                Assert.That(missing!.ErrorCode, Is.EqualTo(PlaidPartnerErrorCodes.CustomerNotFound));
            });
        }

        [Test]
        public async Task The_sandbox_sample_still_needs_valid_keys_and_a_valid_body()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });

            var wrongKeys = await RawPlaid.PostAsync(emulator, "/partner/customer/create", CreateRequests.ValidJson().ToString(), secret: "wrong");
            var missingField = await RawPlaid.PostAsync(emulator, "/partner/customer/create", "{}");

            Assert.Multiple(() =>
            {
                Assert.That(wrongKeys.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_API_KEYS"));
                Assert.That(missingField.Json["error_code"]!.ToString(), Is.EqualTo("MISSING_FIELDS"));
            });
        }

        [Test]
        public async Task A_production_client_is_refused_before_sending_to_a_sandbox_emulator()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });

            Assert.ThrowsAsync<PlaidProductionOnlyException>(() => emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid()));
        }
    }
}
