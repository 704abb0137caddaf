using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Integration
{
    /// <summary>
    /// PlaidPartnerClient's retries against the emulator's injected faults over real loopback HTTP: read calls are
    /// retried and succeed, calls that change state are sent once and the emulator never holds a duplicate customer.
    /// Backoff is shortened to milliseconds through the options (the waits themselves are tested with fake time in
    /// Plaid.Partner.Tests); nothing here measures time.
    /// </summary>
    public class ClientFaultsTests
    {
        // A wide margin: a cold first call on a loaded 2-core CI machine takes a second or two, not five. Only the delay
        // case waits for it (the emulator drops the 5-minute delay once the client gives up), so the margin costs
        // five seconds an attempt there and nothing elsewhere. The timeout's own timing is tested with fake time in
        // Plaid.Partner.Tests; this proves the emulator's delay and the client's timeout meet over real HTTP.
        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

        public static readonly object[] Faults =
        {
            // Retry-After itself is tested with fake time in Plaid.Partner.Tests; here it would only add real seconds.
            new object[] { "429", EmulatorFault.RateLimit(), typeof(PlaidApiException) },
            new object[] { "503", EmulatorFault.Status(503), typeof(PlaidApiException) },
            new object[] { "500", EmulatorFault.Status(500), typeof(PlaidApiException) },
            new object[] { "a delay past the attempt timeout", EmulatorFault.Delay(TimeSpan.FromMinutes(5)), typeof(TimeoutException) },
            new object[] { "a dropped connection", EmulatorFault.DropConnection(), typeof(HttpRequestException) },
        };

        [TestCaseSource(nameof(Faults))]
        public async Task A_read_call_is_retried_through_two_faults_and_succeeds(string name, EmulatorFault fault, Type _)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var (client, attempts) = Client(emulator);
            var created = await client.CreateEndCustomerAsync(CreateRequests.Valid());
            attempts.Reset();
            await emulator.InjectFaultAsync("/partner/customer/get", fault.Times(2));

            var customer = await client.GetEndCustomerAsync(created.EndCustomer!.ClientId!);

            Assert.That(customer.EndCustomer!.ClientId, Is.EqualTo(created.EndCustomer.ClientId), name);
            Assert.That(attempts.Count, Is.EqualTo(3), $"{name}: 2 failed attempts and 1 that succeeded");
        }

        [TestCaseSource(nameof(Faults))]
        public async Task A_create_under_a_fault_is_sent_once_and_never_leaves_a_duplicate_customer(string name, EmulatorFault fault, Type expected)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var (client, attempts) = Client(emulator);
            await emulator.InjectFaultAsync("/partner/customer/create", fault.Times(1));

            await Assert.ThatAsync(async () => await client.CreateEndCustomerAsync(CreateRequests.Valid()), Throws.TypeOf(expected), name);

            Assert.That(attempts.Count, Is.EqualTo(1), $"{name}: a create must never be sent twice");
            // Never two: a retried create would have made a second customer. (A create the client abandoned during an
            // injected delay is dropped by the emulator, as a server may drop a request whose client went away.)
            Assert.That(await emulator.GetCustomersAsync(), Has.Count.LessThanOrEqualTo(1), name);
        }

        [TestCaseSource(nameof(Faults))]
        public async Task Enable_and_remove_under_a_fault_are_sent_once(string name, EmulatorFault fault, Type expected)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var (client, attempts) = Client(emulator);
            var created = await client.CreateEndCustomerAsync(CreateRequests.Valid());
            var id = created.EndCustomer!.ClientId!;
            await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);

            foreach (var (path, call) in new (string, Func<Task>)[]
            {
                ("/partner/customer/enable", () => client.EnableEndCustomerAsync(id)),
                ("/partner/customer/remove", () => client.RemoveEndCustomerAsync(id)),
            })
            {
                attempts.Reset();
                await emulator.InjectFaultAsync(path, fault.Times(1));

                await Assert.ThatAsync(async () => await call(), Throws.TypeOf(expected), $"{name} on {path}");
                Assert.That(attempts.Count, Is.EqualTo(1), $"{name} on {path} must be sent once");
                await emulator.ClearFaultsAsync();
            }
        }

        private static (PlaidPartnerClient Client, AttemptCounter Attempts) Client(PlaidPartnerEmulator emulator)
        {
            var options = emulator.CreateClientOptions();
            options.AttemptTimeout = AttemptTimeout;
            options.Retry.MaxRetryAttempts = 3;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
            options.Retry.UseJitter = false;
            var attempts = new AttemptCounter { InnerHandler = new SocketsHttpHandler() };
            return (new PlaidPartnerClient(new HttpClient(attempts), options), attempts);
        }

        private sealed class AttemptCounter : DelegatingHandler
        {
            private int _count;

            public int Count => _count;

            public void Reset() => Interlocked.Exchange(ref _count, 0);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _count);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
