using System;
using System.Buffers.Text;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Testing.Tests
{
    /// <summary>
    /// The signer's tokens are what Plaid sends (checked part by part, and by the library's own verifier through the
    /// key endpoint handler), its rotation is Plaid's, and its handler answers like Plaid's key endpoint.
    /// </summary>
    public class PlaidWebhookSignerTests
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        private static readonly byte[] Body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

        [Test]
        public async Task A_signed_body_verifies_with_the_library_verifier_through_the_key_endpoint_handler()
        {
            using var setup = new Setup();

            var result = await setup.Verifier.VerifyAsync(Body, setup.Signer.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.True, result.ToString());
                Assert.That(result.KeyId, Is.EqualTo(setup.Signer.CurrentKeyId));
                Assert.That(result.IssuedAt, Is.EqualTo(Now));
            });
        }

        [Test]
        public void The_token_has_exactly_plaids_header_and_payload()
        {
            using var signer = new PlaidWebhookSigner(new FakeTimeProvider(Now));

            var parts = signer.Sign(Body).Split('.');

            Assert.Multiple(() =>
            {
                Assert.That(parts, Has.Length.EqualTo(3));
                Assert.That(Decode(parts[0]), Is.EqualTo($"{{\"alg\":\"ES256\",\"kid\":\"{signer.CurrentKeyId}\",\"typ\":\"JWT\"}}"));
                Assert.That(Decode(parts[1]), Is.EqualTo($"{{\"iat\":{Now.ToUnixTimeSeconds()},\"request_body_sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(Body))}\"}}"));
                Assert.That(Base64Url.DecodeFromChars(parts[2]), Has.Length.EqualTo(64), "ES256 signatures are r||s, 32 bytes each");
            });
        }

        [Test]
        public async Task A_changed_body_an_old_token_and_another_signers_token_are_refused()
        {
            using var setup = new Setup();
            using var stranger = new PlaidWebhookSigner(setup.Time);
            var reindented = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\n  ", "\n    ", StringComparison.Ordinal));

            var changed = await setup.Verifier.VerifyAsync(reindented, setup.Signer.Sign(Body));
            var old = await setup.Verifier.VerifyAsync(Body, setup.Signer.Sign(Body, Now.AddMinutes(-6)));
            var foreign = await setup.Verifier.VerifyAsync(Body, stranger.Sign(Body));

            Assert.Multiple(() =>
            {
                Assert.That(changed.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.BodyHashMismatch));
                Assert.That(old.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.TokenTooOld));
                Assert.That(foreign.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.KeyNotFound), "the handler serves only its own signer's keys");
            });
        }

        [Test]
        public async Task After_rotation_the_new_key_signs_and_the_old_one_is_served_expired()
        {
            using var setup = new Setup();
            var oldKeyId = setup.Signer.CurrentKeyId;
            var before = await setup.Verifier.VerifyAsync(Body, setup.Signer.Sign(Body));

            setup.Time.Advance(TimeSpan.FromHours(1));
            var newKeyId = setup.Signer.RotateKey();
            var after = await setup.Verifier.VerifyAsync(Body, setup.Signer.Sign(Body));
            var oldKey = setup.Signer.GetPublicKey(oldKeyId)!;
            var newKey = setup.Signer.GetPublicKey(newKeyId)!;

            Assert.Multiple(() =>
            {
                Assert.That(before.IsVerified, Is.True);
                Assert.That(newKeyId, Is.Not.EqualTo(oldKeyId));
                Assert.That(setup.Signer.CurrentKeyId, Is.EqualTo(newKeyId));
                Assert.That(after.IsVerified, Is.True, after.ToString());
                Assert.That(after.KeyId, Is.EqualTo(newKeyId));
                Assert.That(oldKey.CreatedAt, Is.EqualTo(Now.ToUnixTimeSeconds()));
                Assert.That(oldKey.ExpiredAt, Is.EqualTo(Now.AddHours(1).ToUnixTimeSeconds()));
                Assert.That(newKey.ExpiredAt, Is.Null);
                Assert.That(setup.Signer.GetPublicKey("never-made"), Is.Null);
            });
        }

        [Test]
        public async Task The_key_endpoint_answers_like_plaid()
        {
            using var signer = new PlaidWebhookSigner(new FakeTimeProvider(Now));
            using var http = new HttpClient(signer.CreateKeyEndpointHandler()) { BaseAddress = new Uri("https://production.plaid.com/") };

            using var found = await http.PostAsync("webhook_verification_key/get", Json($"{{\"key_id\":\"{signer.CurrentKeyId}\"}}"));
            using var unknown = await http.PostAsync("webhook_verification_key/get", Json("{\"key_id\":\"bfbd5111-8e33-4643-8ced-b2e642a72f3c\"}"));
            using var elsewhere = await http.PostAsync("partner/customer/get", Json("{}"));
            using var key = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
            using var error = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());

            var jwk = key.RootElement.GetProperty("key");
            Assert.Multiple(() =>
            {
                Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(jwk.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "alg", "created_at", "crv", "expired_at", "kid", "kty", "use", "x", "y" }));
                Assert.That(jwk.GetProperty("kty").GetString(), Is.EqualTo("EC"));
                Assert.That(jwk.GetProperty("crv").GetString(), Is.EqualTo("P-256"));
                Assert.That(jwk.GetProperty("expired_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
                Assert.That(key.RootElement.GetProperty("request_id").GetString(), Has.Length.EqualTo(15));
                Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(error.RootElement.GetProperty("error_type").GetString(), Is.EqualTo("INVALID_INPUT"));
                Assert.That(error.RootElement.GetProperty("error_code").GetString(), Is.EqualTo("INVALID_WEBHOOK_VERIFICATION_KEY_ID"));
                Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            });
        }

        [Test]
        public async Task A_signed_request_carries_the_header_and_the_exact_body()
        {
            using var setup = new Setup();

            using var request = setup.Signer.CreateRequest("/plaid/webhooks", Body);
            var sent = await request.Content!.ReadAsByteArrayAsync();
            var header = request.Headers.GetValues(PlaidVerificationHeader.Name).Single();

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
                Assert.That(request.RequestUri!.OriginalString, Is.EqualTo("/plaid/webhooks"));
                Assert.That(request.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
                Assert.That(sent, Is.EqualTo(Body));
                Assert.That((await setup.Verifier.VerifyAsync(sent, header)).IsVerified, Is.True);
            });
        }

        [Test]
        public async Task AddPlaidPartner_with_the_handler_as_primary_gives_a_verifier_that_trusts_the_signer()
        {
            using var signer = new PlaidWebhookSigner();
            var services = new ServiceCollection();
            services.AddPlaidPartner(o =>
                {
                    o.ClientId = "test-client";
                    o.Secret = "test-secret";
                    o.Environment = PlaidEnvironment.Production;
                })
                .ConfigurePrimaryHttpMessageHandler(signer.CreateKeyEndpointHandler);
            await using var provider = services.BuildServiceProvider();

            var result = await provider.GetRequiredService<PlaidWebhookVerifier>().VerifyAsync(Body, signer.Sign(Body));

            Assert.That(result.IsVerified, Is.True, result.ToString());
        }

        [Test]
        public void A_disposed_signer_refuses_to_sign()
        {
            var signer = new PlaidWebhookSigner();
            signer.Dispose();

            Assert.Multiple(() =>
            {
                Assert.Throws<ObjectDisposedException>(() => signer.Sign(Body));
                Assert.Throws<ObjectDisposedException>(() => signer.RotateKey());
                Assert.Throws<ArgumentNullException>(() => _ = new PlaidWebhookSigner(null!));
            });
        }

        private static string Decode(string part) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));

        private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        /// <summary>A signer and a verifier on one fake clock, the verifier's client served by the signer's handler.</summary>
        private sealed class Setup : IDisposable
        {
            private readonly HttpClient _http;

            public Setup()
            {
                Time = new FakeTimeProvider(Now);
                Signer = new PlaidWebhookSigner(Time);
                _http = new HttpClient(Signer.CreateKeyEndpointHandler());
                var client = new PlaidPartnerClient(_http, new PlaidPartnerOptions { ClientId = "test-client", Secret = "test-secret", Environment = PlaidEnvironment.Production });
                Verifier = new PlaidWebhookVerifier(client, new PlaidWebhookVerifierOptions { TimeProvider = Time });
            }

            public FakeTimeProvider Time { get; }

            public PlaidWebhookSigner Signer { get; }

            public PlaidWebhookVerifier Verifier { get; }

            public void Dispose()
            {
                _http.Dispose();
                Signer.Dispose();
            }
        }
    }
}
