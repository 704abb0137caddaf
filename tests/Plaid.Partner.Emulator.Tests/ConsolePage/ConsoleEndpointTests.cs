using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.ConsolePage
{
    /// <summary>The console page as HTTP: its headers, that it loads nothing from elsewhere, and that names stay text.</summary>
    public class ConsoleEndpointTests
    {
        [Test]
        public async Task The_page_runs_only_its_own_inline_style_and_script_and_cannot_be_framed()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var (first, headers) = await GetAsync(emulator);
            var (second, _) = await GetAsync(emulator);
            var csp = headers.GetValues("Content-Security-Policy").Single();
            var nonce = Regex.Match(csp, "script-src 'nonce-([0-9a-f]+)'").Groups[1].Value;

            Assert.Multiple(() =>
            {
                Assert.That(csp, Does.StartWith("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Contain("form-action 'none'").And.Contain("connect-src 'self'"));
                Assert.That(nonce, Has.Length.EqualTo(32));
                Assert.That(first, Does.Contain($"<script nonce=\"{nonce}\">").And.Contain($"<style nonce=\"{nonce}\">"));
                Assert.That(second, Does.Not.Contain(nonce), "a nonce is per response");
                Assert.That(headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
                Assert.That(headers.CacheControl!.NoStore, Is.True, "the page carries the run's token");
            });
        }

        [Test]
        public async Task The_page_loads_nothing_from_anywhere_else()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var (html, _) = await GetAsync(emulator);

            Assert.Multiple(() =>
            {
                Assert.That(html, Does.Not.Contain("<link").And.Not.Contain(" src=").And.Not.Contain("@import").And.Not.Contain("url("));
                Assert.That(Regex.Matches(html, "<script").Count, Is.EqualTo(1));
                Assert.That(Regex.Matches(html, "<style").Count, Is.EqualTo(1));
            });
        }

        [Test]
        public async Task Names_sent_by_a_plaid_call_are_text_not_markup()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var request = CreateRequests.Valid("App \"><script>alert(1)</script>");
            request.CompanyName = "<img src=x onerror=alert(1)> & 'Co'";
            await emulator.CreateClient().CreateEndCustomerAsync(request);

            var (html, _) = await GetAsync(emulator);

            Assert.Multiple(() =>
            {
                Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt; &amp; &#x27;Co&#x27;"));
                Assert.That(html, Does.Contain("App &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
                Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<script>alert"));
            });
        }

        [Test]
        public async Task A_beta_customer_shows_its_requirements_due_and_product_statuses()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var created = await emulator.CreateClient().Beta.CreateEndCustomerAsync(BetaCreateRequests.Minimal(Products.Auth));
            var due = BetaCreateRequests.Due(created);

            var (html, _) = await GetAsync(emulator);

            Assert.Multiple(() =>
            {
                Assert.That(due, Is.Not.Empty, "a minimal beta create leaves something due");
                Assert.That(html, Does.Contain("<th scope=\"col\">Beta requirements</th>"));
                Assert.That(html, Does.Contain("badge s-more-information-needed"));
                foreach (var requirement in due)
                {
                    Assert.That(html, Does.Contain($"<li><code>{requirement}</code></li>"));
                }

                Assert.That(html, Does.Contain("<li>auth <span class=\"badge"));
            });
        }

        [Test]
        public async Task The_control_index_and_ConsoleAddress_name_the_console()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "__emulator"));
            var index = await RawPlaid.SendAsync(request);

            Assert.Multiple(() =>
            {
                Assert.That(emulator.ConsoleAddress, Is.EqualTo(new Uri(emulator.BaseAddress, "__emulator/console")));
                Assert.That(index.Json["console"]!.ToString(), Is.EqualTo(emulator.ConsoleAddress.AbsoluteUri));
            });
        }

        [Test]
        public async Task A_sandbox_console_says_why_it_lists_no_customers_and_takes_any_id_for_oauth()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Sandbox });

            var (html, _) = await GetAsync(emulator);

            Assert.Multiple(() =>
            {
                Assert.That(html, Does.Contain("Sandbox keeps no end customers"));
                Assert.That(html, Does.Contain("<input name=\"end_customer_client_id\""));
                Assert.That(html, Does.Contain("<title>Plaid Partner emulator console (sandbox)</title>"));
            });
        }

        private static async Task<(string Html, System.Net.Http.Headers.HttpResponseHeaders Headers)> GetAsync(PlaidPartnerEmulator emulator)
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            using var response = await http.GetAsync(new Uri(emulator.BaseAddress, "__emulator/console"));
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            return (await response.Content.ReadAsStringAsync(), response.Headers);
        }
    }
}
