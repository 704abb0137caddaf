using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Tests.Diagnostics
{
    /// <summary>One span and one count per verification, by result and reason; never the header, its kid or the body.</summary>
    public class WebhookVerificationTelemetryTests
    {
        private static readonly byte[] Body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();

        [Test]
        public async Task A_verified_webhook_is_one_span_and_one_verified_count()
        {
            using var harness = new WebhookHarness();
            using var recorder = new ActivityRecorder();
            using var verifications = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.WebhookVerifications);

            var result = await harness.VerifyAsync(Body, harness.Sign(Body));

            var span = recorder.Stopped.Single(a => a.DisplayName == "Plaid webhook verification");
            var counted = verifications.GetMeasurementSnapshot().Single();
            Assert.Multiple(() =>
            {
                Assert.That(result.IsVerified, Is.True);
                Assert.That(span.Kind, Is.EqualTo(ActivityKind.Internal));
                Assert.That(span.GetTagItem("plaid.webhook.verification.result"), Is.EqualTo("verified"));
                Assert.That(span.GetTagItem("plaid.webhook.verification.failure_reason"), Is.Null);
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
                Assert.That(counted.Value, Is.EqualTo(1));
                Assert.That(counted.Tags["plaid.webhook.verification.result"], Is.EqualTo("verified"));
                Assert.That(counted.Tags.ContainsKey("plaid.webhook.verification.failure_reason"), Is.False);
            });
        }

        [Test]
        public async Task The_key_fetch_is_a_client_span_beneath_the_verification()
        {
            using var harness = new WebhookHarness();
            using var recorder = new ActivityRecorder();

            await harness.VerifyAsync(Body, harness.Sign(Body));

            var verification = recorder.Stopped.Single(a => a.DisplayName == "Plaid webhook verification");
            var fetch = recorder.Stopped.Single(a => a.DisplayName == "Plaid /webhook_verification_key/get");
            Assert.That(fetch.ParentSpanId, Is.EqualTo(verification.SpanId));
        }

        [TestCase("HeaderMissing")]
        [TestCase("MalformedToken")]
        [TestCase("SignatureInvalid")]
        [TestCase("BodyHashMismatch")]
        [TestCase("TokenTooOld")]
        public async Task A_refusal_is_counted_and_tagged_with_its_reason(string reason)
        {
            using var harness = new WebhookHarness();
            using var forger = new TestSigningKey(harness.Genuine.KeyId);
            var header = reason switch
            {
                "HeaderMissing" => null,
                "MalformedToken" => "not.a-jwt",
                "SignatureInvalid" => harness.Sign(Body, forger),
                "BodyHashMismatch" => harness.Sign(PlaidExampleWebhooks.OAuthStatusUpdatedBytes().Concat(new byte[] { (byte)' ' }).ToArray()),
                _ => harness.Genuine.Sign(Body, harness.Now.AddMinutes(-6)),
            };
            using var recorder = new ActivityRecorder();
            using var verifications = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.WebhookVerifications);

            var result = await harness.VerifyAsync(Body, header);

            var span = recorder.Stopped.Single(a => a.DisplayName == "Plaid webhook verification");
            var counted = verifications.GetMeasurementSnapshot().Single();
            Assert.Multiple(() =>
            {
                Assert.That(result.FailureReason?.ToString(), Is.EqualTo(reason));
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
                Assert.That(span.GetTagItem("plaid.webhook.verification.result"), Is.EqualTo("refused"));
                Assert.That(span.GetTagItem("plaid.webhook.verification.failure_reason"), Is.EqualTo(reason));
                Assert.That(span.GetTagItem("error.type"), Is.EqualTo(reason));
                Assert.That(counted.Tags["plaid.webhook.verification.result"], Is.EqualTo("refused"));
                Assert.That(counted.Tags["plaid.webhook.verification.failure_reason"], Is.EqualTo(reason));
            });
        }

        [Test]
        public async Task No_tag_holds_the_header_its_key_id_or_the_body()
        {
            using var harness = new WebhookHarness();
            using var recorder = new ActivityRecorder();
            using var verifications = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.WebhookVerifications);
            var header = harness.Sign(Body);
            using var stranger = new TestSigningKey("kid-nobody-knows");

            await harness.VerifyAsync(Body, header);
            await harness.VerifyAsync(Body, harness.Sign(Body, stranger));

            var values = recorder.Stopped.Where(a => a.DisplayName == "Plaid webhook verification").SelectMany(a => a.TagObjects)
                .Concat(verifications.GetMeasurementSnapshot().SelectMany(m => m.Tags))
                .Select(t => t.Value?.ToString() ?? string.Empty)
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(values, Is.Not.Empty);
                Assert.That(values, Has.None.Contain(header.Split('.')[0]));
                Assert.That(values, Has.None.Contain(harness.Genuine.KeyId));
                Assert.That(values, Has.None.Contain("kid-nobody-knows"));
                Assert.That(values, Has.None.Contain("END_CUSTOMER_OAUTH_STATUS_UPDATED"));
            });
        }
    }
}
