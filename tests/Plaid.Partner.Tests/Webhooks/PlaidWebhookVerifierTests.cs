using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    /// <summary>
    /// Issue 5's adversarial list: each forgery is rejected with its own reason, and a genuine webhook is accepted.
    /// Keys are generated per test; the body is Plaid's example webhook with Plaid's 2-space indentation.
    /// </summary>
    public class PlaidWebhookVerifierTests
    {
        private static readonly byte[] Body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

        [Test]
        public async Task A_genuine_webhook_is_verified()
        {
            using var h = new WebhookHarness();

            var result = await h.VerifyAsync(Body, h.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.True, result.ToString());
                Assert.That(result.FailureReason, Is.Null);
                Assert.That(result.KeyId, Is.EqualTo(h.Genuine.KeyId));
                Assert.That(result.IssuedAt, Is.EqualTo(WebhookHarness.Start));
                Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.EqualTo(1));
            });
        }

        [Test]
        public async Task A_genuine_webhook_exactly_five_minutes_old_or_within_the_skew_ahead_is_verified()
        {
            using var h = new WebhookHarness(o => o.ClockSkew = TimeSpan.FromSeconds(30));

            var fiveMinutesOld = h.Genuine.Sign(Body, h.Now - TimeSpan.FromMinutes(5));
            var thirtySecondsAhead = h.Genuine.Sign(Body, h.Now + TimeSpan.FromSeconds(30));

            await Assert.MultipleAsync(async () =>
            {
                Assert.That((await h.VerifyAsync(Body, fiveMinutesOld)).IsVerified, Is.True);
                Assert.That((await h.VerifyAsync(Body, thirtySecondsAhead)).IsVerified, Is.True);
            });
        }

        [Test]
        public async Task Alg_none_is_rejected_without_asking_Plaid_for_a_key()
        {
            using var h = new WebhookHarness();
            var unsigned = TestJwt.Encode(TestJwt.Header(h.Genuine.KeyId, "none")) + "." + TestJwt.Encode(TestJwt.Payload(h.Now, Body)) + ".";

            await AssertRejected(h, unsigned, WebhookVerificationFailureReason.AlgorithmNotAllowed);
            Assert.That(h.Keys.Calls, Is.Zero);
        }

        [Test]
        public async Task HS256_signed_with_the_public_key_as_HMAC_secret_is_rejected()
        {
            using var h = new WebhookHarness();
            var publicKeyAsSecret = Encoding.ASCII.GetBytes(h.Genuine.Key.ExportSubjectPublicKeyInfoPem());
            var forged = TestJwt.Compact(TestJwt.Header(h.Genuine.KeyId, "HS256"), TestJwt.Payload(h.Now, Body), input => HMACSHA256.HashData(publicKeyAsSecret, input));

            await AssertRejected(h, forged, WebhookVerificationFailureReason.AlgorithmNotAllowed);
            Assert.That(h.Keys.Calls, Is.Zero);
        }

        [Test]
        public async Task RS256_is_rejected()
        {
            using var h = new WebhookHarness();
            using var rsa = RSA.Create(2048);
            var forged = TestJwt.Compact(TestJwt.Header(h.Genuine.KeyId, "RS256"), TestJwt.Payload(h.Now, Body), input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

            await AssertRejected(h, forged, WebhookVerificationFailureReason.AlgorithmNotAllowed);
        }

        [Test]
        public async Task ES384_is_rejected()
        {
            using var h = new WebhookHarness();
            using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            var forged = TestJwt.Compact(TestJwt.Header(h.Genuine.KeyId, "ES384"), TestJwt.Payload(h.Now, Body),
                input => p384.SignData(input, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

            await AssertRejected(h, forged, WebhookVerificationFailureReason.AlgorithmNotAllowed);
        }

        [TestCase("\"es256\"")]
        [TestCase("\"ES256 \"")]
        [TestCase("\"ES512\"")]
        [TestCase("\"\"")]
        [TestCase("null")]
        [TestCase("256")]
        [TestCase("[\"ES256\"]")]
        [TestCase(null)]
        public async Task Any_alg_but_exactly_ES256_is_rejected_even_when_signed_by_the_genuine_key(string? algJson)
        {
            using var h = new WebhookHarness();
            var header = algJson is null
                ? $"{{\"kid\":\"{h.Genuine.KeyId}\"}}"
                : $"{{\"alg\":{algJson},\"kid\":\"{h.Genuine.KeyId}\"}}";

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, header, TestJwt.Payload(h.Now, Body)), WebhookVerificationFailureReason.AlgorithmNotAllowed);
        }

        [TestCase("{\"alg\":\"ES256\"}")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":\"\"}")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":\"  \"}")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":42}")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":null}")]
        public async Task A_missing_kid_is_rejected(string header)
        {
            using var h = new WebhookHarness();

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, header, TestJwt.Payload(h.Now, Body)), WebhookVerificationFailureReason.KeyIdMissing);
            Assert.That(h.Keys.Calls, Is.Zero);
        }

        [Test]
        public async Task An_unknown_kid_is_rejected_after_Plaid_says_it_does_not_know_it()
        {
            using var h = new WebhookHarness();
            using var stranger = new TestSigningKey("kid-plaid-never-issued");

            await AssertRejected(h, h.Sign(Body, stranger), WebhookVerificationFailureReason.KeyNotFound);
            Assert.That(h.Keys.CallsFor(stranger.KeyId), Is.EqualTo(1));
        }

        [Test]
        public async Task A_key_whose_expired_at_has_passed_is_not_used()
        {
            using var h = new WebhookHarness();
            h.Genuine.ExpiredAt = (h.Now - TimeSpan.FromSeconds(1)).ToUnixTimeSeconds();

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyExpired);
        }

        [Test]
        public async Task A_key_whose_expired_at_is_still_ahead_is_used()
        {
            using var h = new WebhookHarness();
            h.Genuine.ExpiredAt = (h.Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds();

            Assert.That((await h.VerifyAsync(Body, h.Sign(Body))).IsVerified, Is.True);
        }

        [TestCase(2)]
        [TestCase(4)]
        [TestCase(5)]
        [TestCase(1)]
        public async Task A_JWT_with_other_than_three_parts_is_rejected(int parts)
        {
            using var h = new WebhookHarness();
            var genuine = h.Sign(Body).Split('.');
            var token = parts switch
            {
                1 => genuine[0],
                2 => genuine[0] + "." + genuine[1],
                4 => string.Join(".", genuine) + "." + genuine[2],
                _ => string.Join(".", genuine) + ".." + genuine[2],
            };

            var result = await AssertRejected(h, token, WebhookVerificationFailureReason.MalformedToken);
            Assert.Multiple(() =>
            {
                // The part count is checked first; the base64url check would catch a stray dot too, but later and less clearly.
                Assert.That(result.Message, Does.Contain("exactly 3 dot-separated parts").And.Contain($"has {parts}"));
                Assert.That(h.Keys.Calls, Is.Zero);
            });
        }

        [TestCase(0, "+")]
        [TestCase(0, "/")]
        [TestCase(0, "=")]
        [TestCase(0, " ")]
        [TestCase(0, "*")]
        [TestCase(1, "+")]
        [TestCase(1, "==")]
        [TestCase(2, "=")]
        [TestCase(2, "%")]
        [TestCase(2, "\n")]
        public async Task A_part_that_is_not_strict_base64url_is_rejected(int part, string inserted)
        {
            using var h = new WebhookHarness();
            var parts = h.Sign(Body).Split('.');
            parts[part] = parts[part][..8] + inserted + parts[part][8..];

            await AssertRejected(h, string.Join(".", parts), WebhookVerificationFailureReason.MalformedToken);
        }

        [TestCase("A")]
        [TestCase("AAAAA")]
        public async Task A_part_whose_length_is_impossible_in_base64url_is_rejected(string header)
        {
            using var h = new WebhookHarness();
            var parts = h.Sign(Body).Split('.');

            await AssertRejected(h, header + "." + parts[1] + "." + parts[2], WebhookVerificationFailureReason.MalformedToken);
        }

        [TestCase("not json")]
        [TestCase("[\"ES256\"]")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":\"k\",}")]
        [TestCase("{\"alg\":\"none\",\"alg\":\"ES256\",\"kid\":\"k\"}")]
        [TestCase("{\"alg\":\"ES256\",\"kid\":\"k\",\"crit\":[\"b64\"],\"b64\":false}")]
        public async Task A_header_that_is_not_one_unambiguous_JSON_object_is_rejected(string header)
        {
            using var h = new WebhookHarness();

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, header, TestJwt.Payload(h.Now, Body)), WebhookVerificationFailureReason.MalformedToken);
        }

        [Test]
        public async Task A_payload_that_repeats_iat_is_rejected()
        {
            using var h = new WebhookHarness();
            var payload = $"{{\"iat\":{h.Now.ToUnixTimeSeconds() - 3600},\"iat\":{h.Now.ToUnixTimeSeconds()},\"request_body_sha256\":\"{TestJwt.Sha256Hex(Body)}\"}}";

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload), WebhookVerificationFailureReason.MalformedToken);
        }

        [Test]
        public async Task A_signature_from_another_P256_key_is_rejected()
        {
            using var h = new WebhookHarness();
            using var forger = new TestSigningKey(h.Genuine.KeyId);

            await AssertRejected(h, h.Sign(Body, forger), WebhookVerificationFailureReason.SignatureInvalid);
        }

        [Test]
        public async Task A_key_embedded_in_the_header_is_ignored()
        {
            using var h = new WebhookHarness();
            using var forger = new TestSigningKey(h.Genuine.KeyId);
            var header = new JObject { ["alg"] = "ES256", ["kid"] = h.Genuine.KeyId, ["jwk"] = forger.ToJwk() }.ToString(Newtonsoft.Json.Formatting.None);

            await AssertRejected(h, TestJwt.SignEs256(forger.Key, header, TestJwt.Payload(h.Now, Body)), WebhookVerificationFailureReason.SignatureInvalid);
        }

        [TestCase(63)]
        [TestCase(32)]
        [TestCase(0)]
        public async Task A_truncated_signature_is_rejected(int length)
        {
            using var h = new WebhookHarness();
            var parts = h.Sign(Body).Split('.');
            var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
            parts[2] = TestJwt.Encode(signature[..length]);

            await AssertRejected(h, string.Join(".", parts), WebhookVerificationFailureReason.SignatureInvalid);
        }

        [Test]
        public async Task A_payload_changed_after_signing_is_rejected()
        {
            using var h = new WebhookHarness();
            var stale = h.Genuine.Sign(Body, h.Now - TimeSpan.FromHours(1)).Split('.');
            stale[1] = TestJwt.Encode(TestJwt.Payload(h.Now, Body));

            await AssertRejected(h, string.Join(".", stale), WebhookVerificationFailureReason.SignatureInvalid);
        }

        [Test]
        public async Task An_iat_six_minutes_old_is_rejected()
        {
            using var h = new WebhookHarness();

            await AssertRejected(h, h.Genuine.Sign(Body, h.Now - TimeSpan.FromMinutes(6)), WebhookVerificationFailureReason.TokenTooOld);
        }

        [Test]
        public async Task A_replay_of_a_genuine_webhook_six_minutes_later_is_rejected()
        {
            using var h = new WebhookHarness();
            var header = h.Sign(Body);
            Assert.That((await h.VerifyAsync(Body, header)).IsVerified, Is.True);

            h.Time.Advance(TimeSpan.FromMinutes(6));

            await AssertRejected(h, header, WebhookVerificationFailureReason.TokenTooOld);
        }

        [TestCase(31)]
        [TestCase(3600)]
        public async Task An_iat_in_the_future_beyond_the_skew_is_rejected(int secondsAhead)
        {
            using var h = new WebhookHarness(o => o.ClockSkew = TimeSpan.FromSeconds(30));

            await AssertRejected(h, h.Genuine.Sign(Body, h.Now + TimeSpan.FromSeconds(secondsAhead)), WebhookVerificationFailureReason.IssuedInFuture);
        }

        [TestCase("9223372036854775807", WebhookVerificationFailureReason.IssuedInFuture)]
        [TestCase("-9223372036854775808", WebhookVerificationFailureReason.TokenTooOld)]
        [TestCase("-1", WebhookVerificationFailureReason.TokenTooOld)]
        public async Task An_iat_out_of_any_date_range_is_rejected_without_an_exception(string iat, WebhookVerificationFailureReason expected)
        {
            using var h = new WebhookHarness();
            var payload = $"{{\"iat\":{iat},\"request_body_sha256\":\"{TestJwt.Sha256Hex(Body)}\"}}";

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload), expected);
        }

        [TestCase("")]
        [TestCase("\"iat\":\"NOW\",")]
        [TestCase("\"iat\":1.5,")]
        [TestCase("\"iat\":null,")]
        public async Task A_missing_iat_is_rejected(string iatMember)
        {
            using var h = new WebhookHarness();
            var payload = $"{{{iatMember}\"request_body_sha256\":\"{TestJwt.Sha256Hex(Body)}\"}}";

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload), WebhookVerificationFailureReason.IssuedAtMissing);
        }

        [TestCase("")]
        [TestCase(",\"request_body_sha256\":null")]
        [TestCase(",\"request_body_sha256\":42")]
        public async Task A_missing_request_body_sha256_is_rejected(string hashMember)
        {
            using var h = new WebhookHarness();
            var payload = $"{{\"iat\":{h.Now.ToUnixTimeSeconds()}{hashMember}}}";

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload), WebhookVerificationFailureReason.BodyHashMissing);
        }

        [TestCase(0)]
        [TestCase(100)]
        [TestCase(-1)]
        public async Task A_body_changed_by_one_byte_is_rejected(int index)
        {
            using var h = new WebhookHarness();
            var header = h.Sign(Body);
            var changed = (byte[])Body.Clone();
            changed[index < 0 ? changed.Length - 1 : index] ^= 0x01;

            await AssertRejected(h, header, WebhookVerificationFailureReason.BodyHashMismatch, changed);
        }

        [Test]
        public async Task A_body_with_one_byte_appended_is_rejected()
        {
            using var h = new WebhookHarness();
            var header = h.Sign(Body);

            await AssertRejected(h, header, WebhookVerificationFailureReason.BodyHashMismatch, [.. Body, (byte)'\n']);
        }

        [Test]
        public async Task The_same_JSON_re_indented_with_four_spaces_is_rejected()
        {
            using var h = new WebhookHarness();
            var header = h.Sign(Body);
            var reindented = Encoding.UTF8.GetBytes(PlaidExampleWebhooks.OAuthStatusUpdated.Replace("\n  ", "\n    ", StringComparison.Ordinal));
            Assert.That(JToken.DeepEquals(JToken.Parse(Encoding.UTF8.GetString(reindented)), JToken.Parse(PlaidExampleWebhooks.OAuthStatusUpdated)), Is.True, "same JSON, other bytes");

            await AssertRejected(h, header, WebhookVerificationFailureReason.BodyHashMismatch, reindented);
        }

        [Test]
        public async Task The_same_JSON_minified_is_rejected()
        {
            using var h = new WebhookHarness();
            var header = h.Sign(Body);
            var minified = Encoding.UTF8.GetBytes(JToken.Parse(PlaidExampleWebhooks.OAuthStatusUpdated).ToString(Newtonsoft.Json.Formatting.None));

            await AssertRejected(h, header, WebhookVerificationFailureReason.BodyHashMismatch, minified);
        }

        [TestCase("not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hexx")]
        [TestCase("abc")]
        [TestCase("")]
        [TestCase("00")]
        public async Task A_request_body_sha256_that_is_not_a_SHA256_is_rejected(string claimed)
        {
            using var h = new WebhookHarness();
            var payload = new JObject { ["iat"] = h.Now.ToUnixTimeSeconds(), ["request_body_sha256"] = claimed }.ToString();

            await AssertRejected(h, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload), WebhookVerificationFailureReason.BodyHashMismatch);
        }

        [Test]
        public async Task An_upper_case_request_body_sha256_is_the_same_hash()
        {
            using var h = new WebhookHarness();
            var payload = new JObject { ["iat"] = h.Now.ToUnixTimeSeconds(), ["request_body_sha256"] = TestJwt.Sha256Hex(Body).ToUpperInvariant() }.ToString();

            var result = await h.VerifyAsync(Body, TestJwt.SignEs256(h.Genuine.Key, TestJwt.Header(h.Genuine.KeyId), payload));

            Assert.That(result.IsVerified, Is.True, result.ToString());
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        public async Task A_missing_or_empty_header_is_rejected(string? header)
        {
            using var h = new WebhookHarness();

            await AssertRejected(h, header, WebhookVerificationFailureReason.HeaderMissing);
        }

        [Test]
        public async Task A_9_KB_header_is_rejected_before_any_parsing_or_key_request()
        {
            using var h = new WebhookHarness();
            var genuine = h.Sign(Body);
            var padded = genuine + new string('A', 9 * 1024 - genuine.Length);

            await AssertRejected(h, padded, WebhookVerificationFailureReason.HeaderTooLarge);
            Assert.That(h.Keys.Calls, Is.Zero);
        }

        [Test]
        public async Task A_9_KB_header_of_dots_is_rejected_as_too_large_not_as_malformed()
        {
            using var h = new WebhookHarness();

            await AssertRejected(h, new string('.', 9 * 1024), WebhookVerificationFailureReason.HeaderTooLarge);
        }

        [TestCase("crv", "P-384")]
        [TestCase("crv", "secp256k1")]
        [TestCase("kty", "RSA")]
        [TestCase("kty", "oct")]
        [TestCase("kty", "ec")]
        [TestCase("alg", "ES384")]
        [TestCase("use", "enc")]
        public async Task A_JWK_with_the_wrong_curve_or_key_type_is_refused(string member, string? value)
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk => jwk[member] = value is null ? JValue.CreateNull() : value;

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyUnsupported);
        }

        [Test]
        public async Task A_JWK_for_a_real_P384_key_is_refused()
        {
            using var h = new WebhookHarness();
            using var p384 = new TestSigningKey("p384-key", ECCurve.NamedCurves.nistP384);
            p384.EditJwk = jwk => jwk["crv"] = "P-384";
            h.Keys.Serve(p384);
            var token = TestJwt.Compact(TestJwt.Header(p384.KeyId), TestJwt.Payload(h.Now, Body),
                input => p384.Key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

            await AssertRejected(h, token, WebhookVerificationFailureReason.KeyUnsupported);
        }

        [Test]
        public async Task A_JWK_whose_point_is_not_on_P256_is_refused()
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk => jwk["y"] = TestJwt.Encode(new byte[32]
            {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
            });

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyUnsupported);
        }

        [TestCase("x", "AAAA")]
        [TestCase("x", "not base64url!")]
        public async Task A_JWK_with_unusable_coordinates_is_refused(string member, string value)
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk => jwk[member] = value;

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyUnsupported);
        }

        // The contract marks the members the verifier relies on required (openapi/README.md, "Required members"): an
        // answer without one does not fit the contract, so the fetch fails, nothing is cached, and the next delivery asks
        // Plaid again (an unsupported key, by contrast, is a real answer and stays cached).
        [TestCase("kty", false)]
        [TestCase("kty", true)]
        [TestCase("crv", false)]
        [TestCase("crv", true)]
        [TestCase("x", false)]
        [TestCase("y", true)]
        [TestCase("kid", false)]
        [TestCase("expired_at", false)]
        public async Task A_JWK_without_a_member_the_verifier_relies_on_is_a_failed_fetch_asked_again_next_time(string member, bool asNull)
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk =>
            {
                if (asNull)
                {
                    jwk[member] = JValue.CreateNull();
                }
                else
                {
                    jwk.Remove(member);
                }
            };

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyFetchFailed);
            var callsAfterFirst = h.Keys.CallsFor(h.Genuine.KeyId);
            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyFetchFailed);

            Assert.That(h.Keys.CallsFor(h.Genuine.KeyId), Is.GreaterThan(callsAfterFirst), "a failed fetch is not cached");
        }

        [TestCase("alg")]
        [TestCase("use")]
        [TestCase("created_at")]
        public async Task A_JWK_without_a_member_the_verifier_does_not_need_still_verifies(string member)
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk => jwk.Remove(member);

            var result = await h.VerifyAsync(Body, h.Sign(Body));

            Assert.That(result.IsVerified, Is.True, result.ToString());
        }

        [Test]
        public async Task A_JWK_for_another_kid_is_refused()
        {
            using var h = new WebhookHarness();
            h.Genuine.EditJwk = jwk => jwk["kid"] = "some-other-kid";

            await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyUnsupported);
        }

        [Test]
        public async Task A_key_endpoint_failure_is_reported_as_KeyFetchFailed_not_thrown()
        {
            using var h = new WebhookHarness();
            h.Keys.FailWith = HttpStatusCode.InternalServerError;

            var result = await AssertRejected(h, h.Sign(Body), WebhookVerificationFailureReason.KeyFetchFailed);

            Assert.That(result.Message, Does.Contain("INTERNAL_SERVER_ERROR").And.Not.Contain(MockPlaid.Secret));
        }

        [Test]
        public async Task A_client_whose_key_method_is_overridden_is_used_for_keys()
        {
            using var key = new TestSigningKey();
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WebhookHarness.Start);
            var verifier = new PlaidWebhookVerifier(new StubKeyClient(key), new PlaidWebhookVerifierOptions { TimeProvider = time });

            var result = await verifier.VerifyAsync(Body, key.Sign(Body, time.GetUtcNow()));

            Assert.That(result.IsVerified, Is.True, result.ToString());
        }

        [Test]
        public async Task A_cancelled_token_cancels()
        {
            using var h = new WebhookHarness();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThatAsync(async () => await h.Verifier.VerifyAsync(Body, h.Sign(Body), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        }

        [Test]
        public void The_constructor_refuses_null_arguments_and_invalid_options()
        {
            using var plaid = new MockPlaid();
            Assert.Multiple(() =>
            {
                Assert.That(() => new PlaidWebhookVerifier(null!), Throws.ArgumentNullException);
                Assert.That(() => new PlaidWebhookVerifier(plaid.Client, null!), Throws.ArgumentNullException);
                Assert.That(() => new PlaidWebhookVerifier(plaid.Client, new PlaidWebhookVerifierOptions { ClockSkew = TimeSpan.FromMinutes(6) }),
                    Throws.ArgumentException.With.Message.Contains("ClockSkew"));
            });
        }

        [Test]
        public async Task A_failure_message_quotes_request_values_without_control_characters()
        {
            using var h = new WebhookHarness();
            var header = TestJwt.SignEs256(h.Genuine.Key, "{\"alg\":\"none\\r\\nFAKE LOG LINE\",\"kid\":\"k\"}", TestJwt.Payload(h.Now, Body));

            var result = await AssertRejected(h, header, WebhookVerificationFailureReason.AlgorithmNotAllowed);

            Assert.That(result.Message, Does.Not.Contain("\n").And.Not.Contain("\r").And.Contain("FAKE LOG LINE"));
        }

        private static async Task<WebhookVerificationResult> AssertRejected(WebhookHarness h, string? header, WebhookVerificationFailureReason expected, byte[]? body = null)
        {
            var result = await h.VerifyAsync(body ?? Body, header);
            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.False, "a forgery was verified");
                Assert.That(result.FailureReason, Is.EqualTo(expected), result.Message);
                Assert.That(result.IssuedAt, Is.Null);
                Assert.That(result.Message, Is.Not.Empty);
            });
            return result;
        }

        private sealed class StubKeyClient : PlaidPartnerClient
        {
            private readonly TestSigningKey _key;

            public StubKeyClient(TestSigningKey key)
            {
                _key = key;
            }

            public override Task<WebhookVerificationKeyGetResponse> GetWebhookVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new WebhookVerificationKeyGetResponse { Key = _key.ToJwk().ToObject<JWKPublicKey>()!, RequestId = "stub" });
        }
    }
}
