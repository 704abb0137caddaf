using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Plaid.Partner.AspNetCore.Tests.TestSupport;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Testing;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>
    /// Every reason verification can refuse a delivery, made to happen through the endpoint: each is answered 400 (or 503
    /// when our side could not fetch Plaid's key, which says nothing about the delivery), reaches no handler, is counted
    /// with its reason and logged without the header or the body.
    /// </summary>
    public class PlaidWebhookEndpointRefusalTests
    {
        private static readonly byte[] Body = Bodies.OAuthStatusUpdated;

        /// <summary>How to make one refusal happen: the body and header to post, after any set-up on the app.</summary>
        public sealed class Refusal
        {
            internal Refusal(WebhookVerificationFailureReason reason, Func<WebhookApp, CraftedKey, Task<(byte[] Body, string? Header)>> make)
            {
                Reason = reason;
                Make = make;
            }

            public WebhookVerificationFailureReason Reason { get; }

            internal Func<WebhookApp, CraftedKey, Task<(byte[] Body, string? Header)>> Make { get; }

            public override string ToString() => Reason.ToString();
        }

        public static IEnumerable<Refusal> Refusals { get; } = new[]
        {
            Case(WebhookVerificationFailureReason.HeaderMissing, (_, _) => (Body, null)),
            Case(WebhookVerificationFailureReason.HeaderTooLarge, (_, _) => (Body, new string('a', PlaidVerificationHeader.MaxLength + 1))),
            Case(WebhookVerificationFailureReason.MalformedToken, (_, _) => (Body, "not-a-jwt")),
            Case(WebhookVerificationFailureReason.AlgorithmNotAllowed, (app, key) => (Body, key.Sign(Header(key.KeyId, "HS256"), Payload(app, Body)))),
            Case(WebhookVerificationFailureReason.KeyIdMissing, (app, key) => (Body, key.Sign(Header(null), Payload(app, Body)))),
            Case(WebhookVerificationFailureReason.KeyNotFound, (app, _) => (Body, Stranger(app))),
            Case(WebhookVerificationFailureReason.KeyExpired, (app, _) =>
            {
                var header = app.Signer.Sign(Body);
                app.Signer.RotateKey();
                return (Body, header);
            }),
            Case(WebhookVerificationFailureReason.KeyUnsupported, (app, key) =>
            {
                var jwk = key.Jwk();
                jwk["crv"] = "P-384";
                app.Keys.Serve(jwk);
                return (Body, key.Sign(Header(key.KeyId), Payload(app, Body)));
            }),
            Case(WebhookVerificationFailureReason.KeyFetchFailed, (app, _) =>
            {
                app.Keys.Refuse = true;
                return (Body, app.Signer.Sign(Body));
            }),
            new Refusal(WebhookVerificationFailureReason.KeyFetchThrottled, async (app, _) =>
            {
                // The app allows one never-seen kid a minute: a first stranger uses it up.
                using (await app.PostAsync(Body, Stranger(app)))
                {
                }

                return (Body, Stranger(app));
            }),
            Case(WebhookVerificationFailureReason.SignatureInvalid, (app, _) =>
            {
                // Another key's token relabelled with the genuine kid: the signature no longer matches the header.
                var parts = Stranger(app).Split('.');
                return (Body, CraftedKey.Encode(Header(app.Signer.CurrentKeyId).ToJsonString()) + "." + parts[1] + "." + parts[2]);
            }),
            Case(WebhookVerificationFailureReason.IssuedAtMissing, (app, key) =>
            {
                app.Keys.Serve(key.Jwk());
                return (Body, key.Sign(Header(key.KeyId), new JsonObject { ["request_body_sha256"] = CraftedKey.Sha256Hex(Body) }));
            }),
            Case(WebhookVerificationFailureReason.TokenTooOld, (app, _) => (Body, app.Signer.Sign(Body, app.Time.GetUtcNow().AddMinutes(-6)))),
            Case(WebhookVerificationFailureReason.IssuedInFuture, (app, _) => (Body, app.Signer.Sign(Body, app.Time.GetUtcNow().AddMinutes(2)))),
            Case(WebhookVerificationFailureReason.BodyHashMissing, (app, key) =>
            {
                app.Keys.Serve(key.Jwk());
                return (Body, key.Sign(Header(key.KeyId), new JsonObject { ["iat"] = app.Time.GetUtcNow().ToUnixTimeSeconds() }));
            }),
            Case(WebhookVerificationFailureReason.BodyHashMismatch, (app, _) => (Body, app.Signer.Sign(Bodies.Unknown))),
        };

        [Test]
        public void Every_failure_reason_has_a_case()
        {
            Assert.That(Refusals.Select(r => r.Reason), Is.EquivalentTo(Enum.GetValues<WebhookVerificationFailureReason>()));
        }

        [TestCaseSource(nameof(Refusals))]
        public async Task Each_refusal_is_answered_counted_with_its_reason_and_logged_without_the_header_or_body(Refusal refusal)
        {
            // A key that could not be fetched is our outage, not a forgery: 503 and not_verifiable, logged as an error.
            var notVerifiable = refusal.Reason is WebhookVerificationFailureReason.KeyFetchFailed or WebhookVerificationFailureReason.KeyFetchThrottled;
            await using var app = await WebhookApp.StartAsync(verifier: o => o.MaxNewKeyIdFetchesPerMinute = 1);
            using var key = new CraftedKey();
            using var responses = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), PlaidPartnerTelemetry.MeterName,
                PlaidPartnerTelemetry.WebhookEndpointResponsesInstrument);
            using var verifications = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), PlaidPartnerTelemetry.MeterName,
                PlaidPartnerTelemetry.WebhookVerificationsInstrument);
            var (body, header) = await refusal.Make(app, key);

            using var response = await app.PostAsync(body, header);

            var answer = responses.GetMeasurementSnapshot().Last();
            var counted = verifications.GetMeasurementSnapshot().Last();
            var logged = app.Logs.GetSnapshot().Last(r => r.Id.Id is 2001 or 2002);
            var allLogText = string.Join("\n", app.Logs.GetSnapshot().Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? Array.Empty<string?>())));
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(notVerifiable ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.BadRequest));
                Assert.That(app.HandlerLog.Calls, Is.Empty);
                Assert.That(answer.Tags["http.response.status_code"], Is.EqualTo(notVerifiable ? 503 : 400));
                Assert.That(answer.Tags["plaid.webhook.outcome"], Is.EqualTo(notVerifiable ? "not_verifiable" : "refused"));
                Assert.That(counted.Tags["plaid.webhook.verification.result"], Is.EqualTo("refused"));
                Assert.That(counted.Tags["plaid.webhook.verification.failure_reason"], Is.EqualTo(refusal.Reason.ToString()));
                Assert.That(logged.Message, Does.Contain(refusal.Reason.ToString()));
                Assert.That(logged.Id.Id, Is.EqualTo(notVerifiable ? 2002 : 2001));
                Assert.That(logged.Level, Is.EqualTo(notVerifiable ? LogLevel.Error : LogLevel.Warning));
                Assert.That(logged.Message, Does.Contain(notVerifiable ? "answered 503" : "answered 400"));
                Assert.That(allLogText, Does.Not.Contain("634758733ebb4f00134b85ea"), "the body is never logged");
                if (header is { Length: > 20 })
                {
                    Assert.That(allLogText, Does.Not.Contain(header[^20..]), "the header is never logged whole");
                }
            });
        }

        private static Refusal Case(WebhookVerificationFailureReason reason, Func<WebhookApp, CraftedKey, (byte[] Body, string? Header)> make) =>
            new(reason, (app, key) => Task.FromResult(make(app, key)));

        private static JsonObject Header(string? keyId, string algorithm = "ES256")
        {
            var header = new JsonObject { ["alg"] = algorithm };
            if (keyId is not null)
            {
                header["kid"] = keyId;
            }

            header["typ"] = "JWT";
            return header;
        }

        private static JsonObject Payload(WebhookApp app, byte[] body) =>
            new() { ["iat"] = app.Time.GetUtcNow().ToUnixTimeSeconds(), ["request_body_sha256"] = CraftedKey.Sha256Hex(body) };

        /// <summary>A genuine-looking token from a signer the app's key endpoint does not know.</summary>
        private static string Stranger(WebhookApp app)
        {
            using var stranger = new PlaidWebhookSigner(app.Time);
            return stranger.Sign(Body);
        }
    }
}
