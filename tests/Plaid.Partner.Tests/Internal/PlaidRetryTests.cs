using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    /// <summary>
    /// Retries of read calls and their absence on calls that change state, on every fault class. Time is fake: the test
    /// advances it exactly when the client arms a timer, so the expected waits are asserted, not measured.
    /// </summary>
    public class PlaidRetryTests
    {
        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan ThreeSeconds = TimeSpan.FromSeconds(3);

        // Not a timing assertion: if a regression leaves a call waiting on fake time nobody advances, fail instead of hanging.
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

        /// <summary>A fault, and the timers a read call arms while it fails twice and then succeeds.</summary>
        public sealed record Fault(string Name, Func<Func<CancellationToken, Task<HttpResponseMessage>>> Step, TimeSpan[] WaitsForTwoFailures, Type WriteException)
        {
            public override string ToString() => Name;
        }

        public static IEnumerable<Fault> Faults { get; } = new[]
        {
            new Fault("429 with Retry-After: 3", () => ScriptedResponses.Status(HttpStatusCode.TooManyRequests, retryAfter: "3"), new[] { ThreeSeconds, ThreeSeconds }, typeof(PlaidApiException)),
            new Fault("503", () => ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable), new[] { OneSecond, TwoSeconds }, typeof(PlaidApiException)),
            new Fault("500", () => ScriptedResponses.Status(HttpStatusCode.InternalServerError), new[] { OneSecond, TwoSeconds }, typeof(PlaidApiException)),
            new Fault("502", () => ScriptedResponses.Status(HttpStatusCode.BadGateway), new[] { OneSecond, TwoSeconds }, typeof(PlaidApiException)),
            new Fault("504", () => ScriptedResponses.Status(HttpStatusCode.GatewayTimeout), new[] { OneSecond, TwoSeconds }, typeof(PlaidApiException)),
            new Fault("a dropped connection", ScriptedResponses.Drop, new[] { OneSecond, TwoSeconds }, typeof(HttpRequestException)),
            new Fault("no answer within the attempt timeout", () => ScriptedResponses.Hang, new[] { AttemptTimeout, OneSecond, AttemptTimeout, TwoSeconds }, typeof(TimeoutException)),
        };

        private const string RequestIdOnly = "{\"request_id\":\"ok\"}";

        // The answer each read succeeds with at last: the smallest one its contract allows (the key answer must hold a key).
        private static readonly (string Path, Func<PlaidPartnerClient, Task> Call, string Success)[] Reads =
        {
            (PlaidOperations.GetPath, c => c.GetEndCustomerAsync("id"), RequestIdOnly),
            (PlaidOperations.OAuthInstitutionsGetPath, c => c.GetEndCustomerOAuthInstitutionsAsync("id"), RequestIdOnly),
            (PlaidOperations.WebhookVerificationKeyGetPath, c => c.GetWebhookVerificationKeyAsync("kid"), PlaidExampleResponses.WebhookVerificationKeyGetResponse),
            (PlaidOperations.BetaGetPath, c => c.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId), RequestIdOnly),
        };

        private static readonly (string Path, Func<PlaidPartnerClient, Task> Call)[] Writes =
        {
            (PlaidOperations.CreatePath, c => c.CreateEndCustomerAsync(Requests.Create())),
            (PlaidOperations.EnablePath, c => c.EnableEndCustomerAsync("id")),
            (PlaidOperations.RemovePath, c => c.RemoveEndCustomerAsync("id")),
            (PlaidOperations.BetaCreatePath, c => c.Beta.CreateEndCustomerAsync(Requests.BetaCreate())),
            (PlaidOperations.BetaUpdatePath, c => c.Beta.UpdateEndCustomerAsync(Requests.BetaUpdate())),
            (PlaidOperations.BetaEnablePath, c => c.Beta.EnableEndCustomerAsync(Requests.BetaEnable())),
        };

        [TestCaseSource(nameof(Faults))]
        public async Task A_read_call_is_retried_through_two_faults_and_then_succeeds(Fault fault)
        {
            foreach (var (path, call, success) in Reads)
            {
                var time = new TimerWatchingTimeProvider();
                using var plaid = Client(time, fault.Name.Contains("attempt timeout", StringComparison.Ordinal));
                var script = Script(plaid, path).Then(fault.Step()).Then(fault.Step()).Then(ScriptedResponses.Ok(success));

                var pending = call(plaid.Client);
                foreach (var wait in fault.WaitsForTwoFailures)
                {
                    await time.AdvanceWhenArmedAsync(wait);
                }

                await Guarded(pending);
                Assert.That(script.Attempts, Is.EqualTo(3), path);
            }
        }

        [TestCaseSource(nameof(Faults))]
        public async Task A_call_that_changes_state_is_never_retried(Fault fault)
        {
            foreach (var (path, call) in Writes)
            {
                var time = new TimerWatchingTimeProvider();
                using var plaid = Client(time, fault.Name.Contains("attempt timeout", StringComparison.Ordinal));
                var script = Script(plaid, path).Then(fault.Step()).Then(ScriptedResponses.Ok(PlaidExampleResponses.CreateResponse));

                var pending = call(plaid.Client);
                if (fault.WriteException == typeof(TimeoutException))
                {
                    await time.AdvanceWhenArmedAsync(AttemptTimeout);
                }

                await Assert.ThatAsync(async () => await Guarded(pending), Throws.TypeOf(fault.WriteException), path);
                Assert.That(script.Attempts, Is.EqualTo(1), $"{path} must be sent once");
            }
        }

        [Test]
        public async Task Retries_stop_after_the_configured_number_and_surface_the_last_failure()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false);
            var script = Script(plaid, PlaidOperations.GetPath);
            for (var i = 0; i < 4; i++)
            {
                script.Then(ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable));
            }

            var pending = plaid.Client.GetEndCustomerAsync("id");
            await time.AdvanceWhenArmedAsync(OneSecond);
            await time.AdvanceWhenArmedAsync(TwoSeconds);
            await time.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(4));

            var exception = Assert.ThrowsAsync<PlaidApiException>(async () => await Guarded(pending));
            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(script.Attempts, Is.EqualTo(4), "1 attempt + MaxRetryAttempts (3)");
        }

        [Test]
        public void A_retry_after_longer_than_max_delay_ends_the_retries_with_the_429()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false);
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Status(HttpStatusCode.TooManyRequests, retryAfter: "120")).Then(ScriptedResponses.Ok("{}"));

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            Assert.That(exception!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(exception.ResponseHeaders.Keys, Does.Contain("Retry-After"));
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public void A_client_error_is_not_retried()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false);
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Status(HttpStatusCode.BadRequest));

            Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public void Retries_can_be_switched_off()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false, configure: o => o.Retry.MaxRetryAttempts = 0);
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable));

            Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public async Task Cancelling_during_a_retry_wait_returns_without_another_attempt()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false);
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable)).Then(ScriptedResponses.Ok("{}"));
            using var cancellation = new CancellationTokenSource();

            var pending = plaid.Client.GetEndCustomerAsync("id", cancellation.Token);
            await time.WaitUntilArmedAsync(OneSecond);
            await cancellation.CancelAsync();

            await Assert.ThatAsync(async () => await Guarded(pending), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public async Task The_total_timeout_ends_a_call_that_is_still_retrying()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: false, configure: o => o.Timeout = TimeSpan.FromSeconds(10));
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Status(HttpStatusCode.TooManyRequests, retryAfter: "25")).Then(ScriptedResponses.Ok("{}"));

            var pending = plaid.Client.GetEndCustomerAsync("id");
            await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(25));
            time.Advance(TimeSpan.FromSeconds(10));

            var exception = Assert.ThrowsAsync<TimeoutException>(async () => await Guarded(pending));
            Assert.That(exception!.Message, Does.Contain("PlaidPartnerOptions.Timeout"));
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public async Task A_total_timeout_shorter_than_the_attempt_timeout_bounds_the_first_attempt()
        {
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: true, configure: o => o.Timeout = ThreeSeconds);
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Hang).Then(ScriptedResponses.Ok("{}"));

            var pending = plaid.Client.GetEndCustomerAsync("id");
            await time.AdvanceWhenArmedAsync(ThreeSeconds);

            var exception = Assert.ThrowsAsync<TimeoutException>(async () => await Guarded(pending));
            Assert.That(exception!.Message, Does.Contain("PlaidPartnerOptions.Timeout"));
            Assert.That(script.Attempts, Is.EqualTo(1));
        }

        [Test]
        public async Task Retries_after_a_timed_out_first_attempt_get_only_the_rest_of_the_total_timeout()
        {
            // Timeout 12 s: the first attempt times out at 5 s, so the retries get the remaining 7 s, which run out
            // 1 s into the wait after the second attempt (5 + 1 + 5 + 1).
            var time = new TimerWatchingTimeProvider();
            using var plaid = Client(time, attemptTimeout: true, configure: o => o.Timeout = TimeSpan.FromSeconds(12));
            var script = Script(plaid, PlaidOperations.GetPath).Then(ScriptedResponses.Hang).Then(ScriptedResponses.Hang).Then(ScriptedResponses.Ok("{}"));

            var pending = plaid.Client.GetEndCustomerAsync("id");
            await time.AdvanceWhenArmedAsync(AttemptTimeout);
            await time.AdvanceWhenArmedAsync(OneSecond);
            await time.AdvanceWhenArmedAsync(AttemptTimeout);
            await time.WaitUntilArmedAsync(TwoSeconds);
            time.Advance(OneSecond);

            var exception = Assert.ThrowsAsync<TimeoutException>(async () => await Guarded(pending));
            Assert.That(exception!.Message, Does.Contain("PlaidPartnerOptions.Timeout"));
            Assert.That(script.Attempts, Is.EqualTo(2));
        }

        private static async Task Guarded(Task pending)
        {
            if (await Task.WhenAny(pending, Task.Delay(HangGuard)) != pending)
            {
                Assert.Fail("The call is still waiting on fake time nobody advances: it armed a timer (a retry?) the test did not expect.");
            }

            await pending;
        }

        private static ScriptedClient Client(TimeProvider time, bool attemptTimeout, Action<PlaidPartnerOptions>? configure = null)
        {
            var options = new PlaidPartnerOptions { ClientId = MockPlaid.ClientId, Secret = MockPlaid.Secret, Environment = PlaidEnvironment.Production };
            options.Retry.MaxRetryAttempts = 3;
            options.Retry.UseJitter = false;
            options.Retry.BaseDelay = OneSecond;
            options.Timeout = TimeSpan.FromHours(1);
            options.AttemptTimeout = attemptTimeout ? AttemptTimeout : Timeout.InfiniteTimeSpan;
            configure?.Invoke(options);
            return new ScriptedClient(options, time);
        }

        private static ScriptedResponses Script(ScriptedClient plaid, string path) => plaid.Script(path);

        /// <summary>
        /// A client whose transport is <see cref="ScriptedResponses"/> per path. MockHttp is not used here: its responders
        /// cannot see the request's cancellation token, which the attempt-timeout and cancellation cases depend on.
        /// </summary>
        private sealed class ScriptedClient : HttpMessageHandler
        {
            private readonly Dictionary<string, ScriptedResponses> _scripts = new();
            private readonly HttpClient _http;

            public ScriptedClient(PlaidPartnerOptions options, TimeProvider time)
            {
                _http = new HttpClient(this, disposeHandler: false);
                Client = new PlaidPartnerClient(_http, options, logger: null, timeProvider: time);
            }

            public PlaidPartnerClient Client { get; }

            public ScriptedResponses Script(string path)
            {
                var script = new ScriptedResponses();
                _scripts[path] = script;
                return script;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                using var invoker = new HttpMessageInvoker(_scripts[request.RequestUri!.AbsolutePath], disposeHandler: false);
                return invoker.SendAsync(request, cancellationToken);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _http.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
