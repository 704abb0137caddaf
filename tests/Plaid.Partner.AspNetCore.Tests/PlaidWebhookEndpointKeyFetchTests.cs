using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.AspNetCore.Tests.TestSupport;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>
    /// A delivery whose key must be fetched while Plaid's key endpoint is down or slow: one attempt, no retry waits, within
    /// PlaidWebhookVerifierOptions.KeyFetchTimeout, then 503 so that Plaid delivers it again, well inside the 10 seconds
    /// Plaid waits for an answer.
    /// </summary>
    public class PlaidWebhookEndpointKeyFetchTests
    {
        // Only a safety net, so that a regression fails the test instead of hanging the run; no assertion depends on it.
        private static readonly TimeSpan Hung = TimeSpan.FromMinutes(1);

        [Test]
        public async Task A_key_endpoint_that_is_down_is_answered_503_at_once_on_a_frozen_clock()
        {
            // The whole app runs on a FakeTimeProvider that nobody advances: a retry's backoff would never end, so an answer
            // comes only if the fetch is a single attempt.
            await using var app = await WebhookApp.StartAsync();
            app.Keys.Down = true;

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated).WaitAsync(Hung);

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(app.Keys.Requests, Is.EqualTo(1), "one attempt, no retry");
                Assert.That(app.HandlerLog.Calls, Is.Empty);
                Assert.That(app.Logs.GetSnapshot().Select(r => r.Message), Has.Some.Contain("INTERNAL_SERVER_ERROR").Or.Some.Contain("503"));
            });
        }

        [Test]
        public async Task A_key_endpoint_that_never_answers_is_answered_503_within_the_key_fetch_budget()
        {
            // The real clock, and a key endpoint that waits on the request's cancellation, never on a timer: only the budget
            // ends the fetch.
            var budget = TimeSpan.FromMilliseconds(300);
            await using var app = await WebhookApp.StartAsync(verifier: o => o.KeyFetchTimeout = budget, realClock: true);
            app.Keys.Hang = true;
            var watch = Stopwatch.StartNew();

            using var response = await app.DeliverAsync(Bodies.OAuthStatusUpdated).WaitAsync(Hung);

            watch.Stop();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(app.Keys.Requests, Is.EqualTo(1), "one attempt, no retry");
                Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(budget - TimeSpan.FromMilliseconds(50)), "it waited for the key endpoint");
                Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the budget set, not the default of 5 seconds, ended the wait");
                Assert.That(app.Logs.GetSnapshot().Select(r => r.Message), Has.Some.Contain("KeyFetchTimeout"));
            });
        }
    }
}
