using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    /// <summary>
    /// The caching and rotation rules of Plaid API docs, Webhooks › Webhook verification, and issue 5's flood rules,
    /// driven by a fake clock and a key endpoint that counts its requests. Every verification signs a fresh token at the
    /// fake "now", so only the cache is under test.
    /// </summary>
    public class WebhookKeyCacheTests
    {
        private static readonly byte[] Body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

        [Test]
        public async Task A_key_is_fetched_once_and_reused_for_up_to_24_hours_then_fetched_again()
        {
            using var h = new WebhookHarness();

            await AssertVerified(h);
            h.Time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
            await AssertVerified(h);
            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(1), "fetched again within 24 h");

            h.Time.Advance(TimeSpan.FromMinutes(1));
            await AssertVerified(h);
            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(2), "used for more than 24 h");
        }

        [Test]
        public async Task A_shorter_cache_duration_is_honoured()
        {
            using var h = new WebhookHarness(o => o.KeyCacheDuration = TimeSpan.FromHours(1));

            await AssertVerified(h);
            h.Time.Advance(TimeSpan.FromHours(1));
            await AssertVerified(h);

            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(2));
        }

        [Test]
        public async Task An_unknown_kid_refetches_the_cached_keys_that_have_not_expired()
        {
            using var h = new WebhookHarness();
            using var next = new TestSigningKey();
            h.Keys.Serve(next);
            await AssertVerified(h);

            await AssertVerified(h, next);
            // The refetch runs beside the new kid's fetch; a verification with the old key waits for it.
            await AssertVerified(h);

            Assert.Multiple(() =>
            {
                Assert.That(h.Keys.CallsFor(next.KeyId), Is.EqualTo(1));
                Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(2), "the cached, unexpired key was not refetched");
            });
        }

        [Test]
        public async Task Rotation_a_key_Plaid_expired_is_noticed_at_the_next_unknown_kid_and_no_longer_used()
        {
            using var h = new WebhookHarness();
            using var next = new TestSigningKey();
            await AssertVerified(h);

            // Plaid rotates: a new key signs, and the old one gets an expired_at.
            h.Time.Advance(TimeSpan.FromHours(1));
            h.Genuine.ExpiredAt = h.Now.ToUnixTimeSeconds();
            h.Keys.Serve(next);
            Assert.That((await h.VerifyAsync(Body, h.Sign(Body))).IsVerified, Is.True, "before any unknown kid the cached copy still says unexpired");

            await AssertVerified(h, next);
            var old = await h.VerifyAsync(Body, h.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(old.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyExpired), old.Message);
                Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(2));
            });
        }

        [Test]
        public async Task A_key_whose_expired_at_passes_while_cached_stops_being_used_without_a_fetch()
        {
            using var h = new WebhookHarness();
            h.Genuine.ExpiredAt = (h.Now + TimeSpan.FromMinutes(10)).ToUnixTimeSeconds();
            await AssertVerified(h);

            h.Time.Advance(TimeSpan.FromMinutes(10));
            var result = await h.VerifyAsync(Body, h.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(result.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyExpired));
                Assert.That(h.Keys.Calls, Is.EqualTo(1));
            });
        }

        [Test]
        public async Task Expired_keys_are_not_refetched_when_an_unknown_kid_arrives()
        {
            using var h = new WebhookHarness();
            using var next = new TestSigningKey();
            h.Keys.Serve(next);
            h.Genuine.ExpiredAt = (h.Now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds();
            await h.VerifyAsync(Body, h.Sign(Body));

            await AssertVerified(h, next);

            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(1));
        }

        [Test]
        public async Task A_hundred_concurrent_verifications_of_a_new_kid_make_exactly_one_key_request()
        {
            using var h = new WebhookHarness();
            h.Keys.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var header = h.Sign(Body);
            var verifications = new Task<WebhookVerificationResult>[100];

            // Each call has joined (or started) the key fetch when it returns its task; the fetch is held until all 100 are in.
            Parallel.For(0, verifications.Length, i => verifications[i] = h.Verifier.VerifyAsync(Body, header));
            Assert.That(verifications.Any(v => v.IsCompleted), Is.False, "a verification finished while the key fetch was held");
            h.Keys.Gate.SetResult();
            var results = await Task.WhenAll(verifications);

            Assert.Multiple(() =>
            {
                Assert.That(results.Select(r => r.IsVerified), Is.All.True);
                Assert.That(h.Keys.Calls, Is.EqualTo(1));
            });
        }

        [Test]
        public async Task A_hundred_concurrent_verifications_of_a_kid_Plaid_rejects_make_exactly_one_key_request()
        {
            using var h = new WebhookHarness();
            using var forger = new TestSigningKey();
            h.Keys.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var header = h.Sign(Body, forger);
            var verifications = new Task<WebhookVerificationResult>[100];

            Parallel.For(0, verifications.Length, i => verifications[i] = h.Verifier.VerifyAsync(Body, header));
            h.Keys.Gate.SetResult();
            var results = await Task.WhenAll(verifications);

            Assert.Multiple(() =>
            {
                Assert.That(results.Select(r => r.FailureReason), Is.All.EqualTo(WebhookVerificationFailureReason.KeyNotFound));
                Assert.That(h.Keys.Calls, Is.EqualTo(1));
            });
        }

        [Test]
        public async Task A_kid_Plaid_rejected_is_not_asked_again_until_the_retention_passes()
        {
            using var h = new WebhookHarness(o => o.RejectedKeyIdRetention = TimeSpan.FromMinutes(5));
            using var forger = new TestSigningKey();

            for (var i = 0; i < 50; i++)
            {
                Assert.That((await h.VerifyAsync(Body, h.Sign(Body, forger))).FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyNotFound));
            }

            Assert.That(h.Keys.CallsFor(forger.KeyId), Is.EqualTo(1));
            h.Time.Advance(TimeSpan.FromMinutes(5));
            await h.VerifyAsync(Body, h.Sign(Body, forger));
            Assert.That(h.Keys.CallsFor(forger.KeyId), Is.EqualTo(2));
        }

        [Test]
        public async Task A_flood_of_random_kids_is_limited_per_minute_while_cached_keys_keep_verifying()
        {
            using var h = new WebhookHarness(o => o.MaxNewKeyIdFetchesPerMinute = 10);
            await AssertVerified(h);
            h.Time.Advance(TimeSpan.FromMinutes(1)); // the genuine key's own first fetch counted in the last minute
            var genuineBefore = h.Keys.CallsFor(h.Genuine.KeyId);

            var flood = Enumerable.Range(0, 100).Select(_ => new TestSigningKey()).ToList();
            var reasons = new WebhookVerificationFailureReason?[flood.Count];
            for (var i = 0; i < flood.Count; i++)
            {
                reasons[i] = (await h.VerifyAsync(Body, h.Sign(Body, flood[i]))).FailureReason;
            }

            await AssertVerified(h); // waits for any refetch of the genuine key still running
            var callsAfterFlood = h.Keys.Calls;
            Assert.Multiple(() =>
            {
                Assert.That(flood.Sum(k => h.Keys.CallsFor(k.KeyId)), Is.EqualTo(10), "only the admitted unknown kids are looked up");
                // Each admitted unknown kid also refetches the cached genuine key (Plaid's verification page); refetches still running
                // when the next unknown kid arrives are shared, so between 1 and 10.
                Assert.That(h.Keys.CallsFor(h.Genuine.KeyId) - genuineBefore, Is.InRange(1, 10));
                Assert.That(reasons.Count(r => r == WebhookVerificationFailureReason.KeyNotFound), Is.EqualTo(10));
                Assert.That(reasons.Count(r => r == WebhookVerificationFailureReason.KeyFetchThrottled), Is.EqualTo(90));
            });
            await AssertVerified(h);
            Assert.That(h.Keys.Calls, Is.EqualTo(callsAfterFlood), "a cached key needs no request");

            h.Time.Advance(TimeSpan.FromMinutes(1));
            using var rotated = new TestSigningKey();
            h.Keys.Serve(rotated);
            await AssertVerified(h, rotated);
            flood.ForEach(k => k.Dispose());
        }

        [Test]
        public async Task A_failed_fetch_is_not_cached()
        {
            using var h = new WebhookHarness();
            h.Keys.FailWith = HttpStatusCode.ServiceUnavailable;
            Assert.That((await h.VerifyAsync(Body, h.Sign(Body))).FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyFetchFailed));

            h.Keys.FailWith = null;

            await AssertVerified(h);
            Assert.That(h.Keys.Calls, Is.EqualTo(2));
        }

        [Test]
        public async Task A_refetch_of_a_stale_known_key_is_not_throttled_by_the_new_kid_limit()
        {
            using var h = new WebhookHarness(o =>
            {
                o.MaxNewKeyIdFetchesPerMinute = 1;
                o.KeyCacheDuration = TimeSpan.FromSeconds(30);
            });
            await AssertVerified(h); // uses this minute's only look-up of a never-seen kid

            h.Time.Advance(TimeSpan.FromSeconds(30));
            await AssertVerified(h);

            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(2));
        }

        private static async Task AssertVerified(WebhookHarness h, TestSigningKey? key = null)
        {
            var result = await h.VerifyAsync(Body, h.Sign(Body, key));
            Assert.That(result.IsVerified, Is.True, result.ToString());
        }
    }
}
