using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Hosting
{
    /// <summary>
    /// DNS rebinding: a page on attacker.example makes its name resolve to 127.0.0.1 and then talks to the emulator
    /// as its own origin. The browser still sends Host: attacker.example, and the emulator refuses it.
    /// </summary>
    public class LoopbackHostCheckTests
    {
        [TestCase("attacker.example:{port}")]
        [TestCase("127.0.0.1.attacker.example:{port}")]
        [TestCase("localhost.:{port}")]
        [TestCase("localhost:{other}")]
        [TestCase("127.0.0.1")]
        [TestCase("0.0.0.0:{port}")]
        public async Task A_rebound_name_cannot_change_state_or_read_the_console(string hostPattern)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            var host = hostPattern
                .Replace("{port}", emulator.BaseAddress.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{other}", (emulator.BaseAddress.Port + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var post = await SendAsync(emulator, HttpMethod.Post, "__emulator/customers/status", host, $"{{\"end_customer_client_id\":\"{id}\",\"status\":\"DENIED\"}}");
            var page = await SendAsync(emulator, HttpMethod.Get, "__emulator/console", host);
            var plaid = await SendAsync(emulator, HttpMethod.Post, "partner/customer/get", host, "{}");

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(post.Status, Is.EqualTo(421), post.Text);
                Assert.That(post.Json["error"]!.ToString(), Does.Contain("DNS rebinding").And.Contain($"127.0.0.1:{emulator.BaseAddress.Port}"));
                Assert.That(page.Status, Is.EqualTo(421));
                Assert.That(page.Text, Does.Not.Contain("emulator-console-token"));
                Assert.That(plaid.Status, Is.EqualTo(421));
                Assert.That((await emulator.GetCustomersAsync()).Single().StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
            });
        }

        [TestCase("localhost:{port}")]
        [TestCase("LocalHost:{port}")]
        [TestCase("127.0.0.1:{port}")]
        [TestCase("[::1]:{port}")]
        public async Task The_loopback_names_with_the_listening_port_are_served(string hostPattern)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var host = hostPattern.Replace("{port}", emulator.BaseAddress.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var index = await SendAsync(emulator, HttpMethod.Get, "__emulator", host);

            Assert.That(index.Status, Is.EqualTo(200), index.Text);
        }

        [TestCase("localhost", 80, true)]
        [TestCase("127.0.0.1", 80, true)]
        [TestCase("127.0.0.1", 5080, false)]
        [TestCase("127.0.0.1:5080", 5080, true)]
        [TestCase("127.0.0.1:5080", 5081, false)]
        [TestCase("", 5080, false)]
        [TestCase("[::1]:5080", 5080, true)]
        [TestCase("::1:5080", 5080, false)]
        [TestCase("127.0.0.2:5080", 5080, false)]
        public void Only_the_loopback_names_and_port_pass(string host, int port, bool expected) =>
            Assert.That(LoopbackHostCheck.IsLoopback(host, port), Is.EqualTo(expected));

        private static async Task<RawResponse> SendAsync(PlaidPartnerEmulator emulator, HttpMethod method, string path, string host, string? body = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(emulator.BaseAddress, path));
            request.Headers.Host = host;
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return await RawPlaid.SendAsync(request);
        }
    }
}
