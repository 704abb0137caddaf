using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using PuppeteerSharp;

namespace Plaid.Partner.Emulator.Tests.ConsolePage
{
    /// <summary>
    /// The console in headless Chromium: what a developer sees while the emulator holds customers, deliveries and
    /// faults, what its forms change, how it reads without JavaScript, and that a page on another origin cannot use
    /// the same endpoints. Screenshots go to artifacts/console/ (the test output prints the paths).
    /// </summary>
    [NonParallelizable]
    public class ConsoleBrowserTests
    {
        private HeadlessChromium _chromium = null!;

        [OneTimeSetUp]
        public async Task LaunchChromium() => _chromium = await HeadlessChromium.LaunchAsync();

        [OneTimeTearDown]
        public async Task CloseChromium()
        {
            if (_chromium is not null)
            {
                await _chromium.DisposeAsync();
            }
        }

        [Test]
        public async Task The_console_shows_the_emulators_state_and_its_forms_change_it()
        {
            await using var scene = await ConsoleScene.BuildAsync();
            await using var page = await NewPageAsync();

            await page.GoToAsync(scene.ConsoleUrl.AbsoluteUri, WaitUntilNavigation.Load);

            var companies = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#customers tbody th')].map(th => th.textContent)");
            var acmeHistory = await page.EvaluateFunctionAsync<string[]>("id => [...document.querySelectorAll(`#customers tr[data-client-id=\"${id}\"] .history li`)].map(li => li.textContent)",
                scene.Acme);
            var codes = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#webhooks tbody tr td:nth-child(2)')].map(td => td.textContent)");
            var receivers = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#webhooks tbody tr td:nth-child(4)')].map(td => td.textContent)");
            var signatures = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#webhooks tbody tr td:nth-child(5)')].map(td => td.textContent)");
            var faults = await page.EvaluateExpressionAsync<string>("document.querySelector('#faults tbody').textContent");
            var chase = await page.EvaluateFunctionAsync<string>("id => document.querySelector(`#oauth tr[data-client-id=\"${id}\"] td[data-institution-id=\"ins_56\"]`).textContent", scene.Acme);
            var bankOfAmerica = await page.EvaluateFunctionAsync<string>("id => document.querySelector(`#oauth tr[data-client-id=\"${id}\"] td[data-institution-id=\"ins_1\"]`).textContent",
                scene.Acme);
            var injected = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main img, main script').length + (window.__pwned === undefined ? 0 : 100)");
            var formsEnabled = await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('fieldset.js-only')].every(f => !f.disabled)");

            Assert.Multiple(() =>
            {
                Assert.That(companies, Is.EqualTo(new[] { "Acme Robotics", ConsoleScene.HostileCompany, "Initech", "Umbrella" }));
                Assert.That(injected, Is.Zero, "a customer name became markup");
                Assert.That(acmeHistory, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE" }));
                Assert.That(chase, Does.StartWith("APPROVED").And.Contain("production since"));
                Assert.That(bankOfAmerica, Is.EqualTo("ATTENTION_REQUIRED" + "Application logo is required"));
                Assert.That(codes, Has.Length.EqualTo(5).And.All.EqualTo("END_CUSTOMER_OAUTH_STATUS_UPDATED"));
                Assert.That(receivers.Count(r => r.StartsWith("HTTP 200", StringComparison.Ordinal)), Is.EqualTo(4));
                Assert.That(receivers.Count(r => r.StartsWith("HTTP 500", StringComparison.Ordinal)), Is.EqualTo(1));
                Assert.That(signatures, Has.All.Contain("verified").And.All.Not.Contain("not"));
                Assert.That(signatures.Count(s => s.Contains("rotated out", StringComparison.Ordinal)), Is.EqualTo(4), "deliveries signed before the rotation");
                Assert.That(faults, Does.Contain("/partner/customer/get").And.Contain("RateLimit 429"));
                Assert.That(formsEnabled, Is.True);
            });

            // Plaid's review of the hostile-named customer, by its Approve button.
            await page.ClickAsync($"#customers tr[data-client-id=\"{scene.Hostile}\"] button.approve");
            await page.WaitForFunctionAsync("id => document.querySelector(`#customers tr[data-client-id=\"${id}\"] .status`).textContent === 'PENDING_ENABLEMENT'", scene.Hostile);
            var said = await page.EvaluateExpressionAsync<string>("document.getElementById('result').textContent");

            // An OAuth status, by the form: it sends the webhook, which the refreshed page lists.
            await page.SelectAsync("#oauth select[name=end_customer_client_id]", scene.Acme);
            await page.SelectAsync("#oauth select[name=institution_id]", "ins_128026");
            await page.SelectAsync("#oauth select[name=status]", "ENABLED");
            await page.ClickAsync("#oauth button[type=submit]");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#webhooks tbody tr').length === 6");
            var newest = await page.EvaluateExpressionAsync<string>("document.querySelector('#webhooks tbody tr').textContent");

            var screenshot = TestArtifacts.PathFor("console.png");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
            TestArtifacts.Announce(screenshot, "Console screenshot");

            var hostile = (await scene.Emulator.GetCustomersAsync()).Single(c => c.ClientId == scene.Hostile);
            var lastDelivery = (await scene.Emulator.GetWebhookDeliveriesAsync()).Last();
            Assert.Multiple(() =>
            {
                Assert.That(hostile.StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT" }));
                Assert.That(said, Is.EqualTo($"{ConsoleScene.HostileCompany} approved: PENDING_ENABLEMENT."));
                Assert.That(lastDelivery.Body, Does.Contain("\"institution_id\": \"ins_128026\"").And.Contain("\"status\": \"enabled\""));
                Assert.That(newest, Does.Contain("Capital One").And.Contain("enabled").And.Contain("HTTP 200"));
            });
        }

        [Test]
        public async Task The_console_refreshes_itself_but_leaves_a_form_being_edited_alone()
        {
            await using var scene = await ConsoleScene.BuildAsync();
            await using var page = await NewPageAsync();
            await page.GoToAsync(scene.ConsoleUrl.AbsoluteUri, WaitUntilNavigation.Load);
            await page.ClickAsync("#partner-monthly-service-commitment");

            var request = CreateRequests.Valid("Hooli Pay");
            request.CompanyName = "Hooli";
            await scene.Emulator.CreateClient().CreateEndCustomerAsync(request);
            // No reload by the test: the page's own refresh must bring the new customer in (it runs every 5 s).
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#customers tbody th')].some(th => th.textContent === 'Hooli')");
            var stillTicked = await page.EvaluateExpressionAsync<bool>("document.getElementById('partner-monthly-service-commitment').checked");
            var partner = await page.EvaluateExpressionAsync<bool>("document.querySelector('#partner form').dataset.dirty === '1'");

            Assert.Multiple(() =>
            {
                Assert.That(stillTicked, Is.True, "a refresh replaced the partner form while it was being edited");
                Assert.That(partner, Is.True);
            });
        }

        [Test]
        public async Task Without_javascript_the_console_still_shows_everything_and_its_buttons_stay_disabled()
        {
            await using var scene = await ConsoleScene.BuildAsync();
            await using var page = await NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);

            await page.GoToAsync(scene.ConsoleUrl.AbsoluteUri, WaitUntilNavigation.Load);

            var rows = await page.QuerySelectorAllAsync("#customers tbody tr");
            var deliveries = await page.QuerySelectorAllAsync("#webhooks tbody tr");
            var enabledButtons = await page.QuerySelectorAllAsync("fieldset.js-only:enabled button");
            var refresh = await page.QuerySelectorAsync("meta[http-equiv=refresh]");
            var noscriptNote = await page.QuerySelectorAsync("header .note");
            var noteText = noscriptNote is null ? string.Empty : await noscriptNote.EvaluateFunctionAsync<string>("e => e.textContent");
            var screenshot = TestArtifacts.PathFor("console-without-javascript.png");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
            TestArtifacts.Announce(screenshot, "Console screenshot without JavaScript");

            Assert.Multiple(() =>
            {
                Assert.That(rows, Has.Length.EqualTo(4));
                Assert.That(deliveries, Has.Length.EqualTo(5));
                Assert.That(enabledButtons, Is.Empty);
                Assert.That(refresh, Is.Not.Null, "the page must reload itself without JavaScript");
                Assert.That(noteText, Does.Contain("JavaScript is off").And.Contain("curl"));
            });
        }

        [Test]
        public async Task A_page_on_another_origin_cannot_change_or_read_the_emulator()
        {
            await using var scene = await ConsoleScene.BuildAsync();
            var keyBefore = scene.Emulator.WebhookKeyId;
            await using var attacker = await LoopbackHost.ServeHtmlAsync(ConsoleScene.AttackPage(scene.Emulator.BaseAddress, scene.Hostile));
            await using var page = await NewPageAsync();

            await page.GoToAsync(attacker.BaseAddress.AbsoluteUri, WaitUntilNavigation.Load);
            await page.WaitForFunctionAsync("() => window.done === true");
            var simple = await page.EvaluateExpressionAsync<string>("window.results.simple");
            var json = await page.EvaluateExpressionAsync<string>("window.results.json");
            var read = await page.EvaluateExpressionAsync<string>("window.results.read");

            // A plain form post, the oldest cross-site request there is: the browser navigates to the refusal.
            await page.GoToAsync(attacker.BaseAddress.AbsoluteUri + "?form", WaitUntilNavigation.Load);
            await page.WaitForFunctionAsync("() => location.pathname.endsWith('/webhook_key/rotate') && document.body && document.body.textContent.length > 0");
            var formAnswer = await page.EvaluateExpressionAsync<string>("document.body.textContent");

            var hostile = (await scene.Emulator.GetCustomersAsync()).Single(c => c.ClientId == scene.Hostile);
            Assert.Multiple(() =>
            {
                Assert.That(simple, Is.EqualTo("sent opaque"), "a no-cors text/plain post leaves the browser; the emulator must refuse it");
                Assert.That(json, Does.StartWith("blocked"), "an application/json post needs a preflight the emulator never grants");
                Assert.That(read, Does.StartWith("blocked"), "another origin cannot read the console (and its token)");
                Assert.That(formAnswer, Does.Contain("needs Content-Type: application/json"));
                Assert.That(hostile.StatusHistory, Is.EqualTo(new[] { "UNDER_REVIEW" }));
                Assert.That(scene.Emulator.WebhookKeyId, Is.EqualTo(keyBefore));
            });
        }

        [Test]
        public async Task The_console_shows_attempts_next_retry_clock_and_schedules_and_its_buttons_advance_send_twice_and_resend()
        {
            var t0 = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
            await using var receiver = await ScriptedReceiver.StartAsync(200, new ScriptedReceiver.Answer(500));
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                WebhookUrl = receiver.Url,
                TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(t0),
            });
            await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(20)));
            var id = (await emulator.CreateClient().CreateEndCustomerAsync(CreateRequests.Valid())).EndCustomer!.ClientId!;
            var first = await emulator.SetOAuthStatusAsync(id, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await using var page = await NewPageAsync();

            await page.GoToAsync(emulator.ConsoleAddress.AbsoluteUri, WaitUntilNavigation.Load);
            var row = $"#webhooks tr[data-delivery-id=\"{first!.Id}\"]";
            var attemptsBefore = await page.EvaluateFunctionAsync<string>("s => document.querySelector(s + ' td.attempts').textContent", row);
            var nextBefore = await page.EvaluateFunctionAsync<string>("s => document.querySelector(s + ' td.next').textContent", row);
            var clockBefore = await page.EvaluateExpressionAsync<string>("document.getElementById('clock-now').textContent");
            var schedules = await page.EvaluateExpressionAsync<string>("document.querySelector('#schedules tbody').textContent");

            // The clock's form: one hour on, the retry at +30 s is made and answered 200.
            await page.ClickAsync("#clock button[type=submit]");
            await page.WaitForFunctionAsync("s => document.querySelector(s + ' td.next').textContent.includes('delivered')", row);
            var attemptsAfter = await page.EvaluateFunctionAsync<string[]>("s => [...document.querySelectorAll(s + ' td.attempts li')].map(li => li.textContent)", row);
            var clockAfter = await page.EvaluateExpressionAsync<string>("document.getElementById('clock-now').textContent");

            // Send twice, then a change from code: two rows for it, the second a copy of the first.
            await page.ClickAsync("#webhooks button.send-twice");
            await page.WaitForFunctionAsync("() => document.getElementById('result').textContent.includes('twice')");
            await emulator.SetOAuthStatusAsync(id, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled);
            await page.WaitForFunctionAsync(
                "() => document.querySelectorAll('#webhooks tbody tr').length === 3 && document.querySelector('#webhooks tbody tr td.next').textContent.includes('delivered')");
            var copyNote = await page.EvaluateExpressionAsync<string>("document.querySelector('#webhooks tbody tr td.next').textContent");

            // Re-send the first delivery by its row's button.
            await page.ClickAsync(row + " button.resend");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#webhooks tbody tr').length === 4");
            var newest = await page.EvaluateExpressionAsync<string>("document.querySelector('#webhooks tbody tr td.next').textContent");
            var screenshot = TestArtifacts.PathFor("console-deliveries.png");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
            TestArtifacts.Announce(screenshot, "Console screenshot with retries, copies and a re-send");

            var deliveries = await emulator.GetWebhookDeliveriesAsync();
            Assert.Multiple(() =>
            {
                Assert.That(attemptsBefore, Does.Contain("HTTP 500"));
                Assert.That(nextBefore, Does.Contain("retry at").And.Contain("2026-12-07 09:00:30 UTC"));
                Assert.That(clockBefore, Is.EqualTo("2026-12-07 09:00:00 UTC"));
                Assert.That(schedules, Does.Contain("ins_56").And.Contain("+20 h APPROVED"));
                Assert.That(attemptsAfter, Has.Length.EqualTo(2));
                Assert.That(attemptsAfter[1], Does.Contain("09:00:30").And.Contain("HTTP 200"));
                Assert.That(clockAfter, Is.EqualTo("2026-12-07 10:00:00 UTC"));
                Assert.That(copyNote, Does.Contain("delivered").And.Contain("copy of"));
                Assert.That(newest, Does.Contain("copy of " + first.Id));
                Assert.That(deliveries.Select(d => d.CopyOf), Is.EqualTo(new[] { null, null, deliveries[1].Id, first.Id }));
            });
        }

        private async Task<IPage> NewPageAsync()
        {
            var page = await _chromium.Browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            return page;
        }
    }
}
