using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    public class PlaidVerificationHeaderTests
    {
        [TestCase("Plaid-Verification")]
        [TestCase("plaid-verification")]
        [TestCase("PLAID-VERIFICATION")]
        public void The_header_is_found_whatever_its_case_in_HttpHeaders(string name)
        {
            using var request = new HttpRequestMessage();
            request.Headers.TryAddWithoutValidation("Content-Type-Ish", "x");
            request.Headers.TryAddWithoutValidation(name, "a.b.c");

            Assert.That(PlaidVerificationHeader.Find(request.Headers), Is.EqualTo("a.b.c"));
        }

        [Test]
        public void The_header_is_found_in_single_and_list_valued_dictionaries()
        {
            var single = new Dictionary<string, string> { ["content-type"] = "application/json", ["plaid-verification"] = "a.b.c" };
            var lists = new Dictionary<string, string[]> { ["PLAID-VERIFICATION"] = new[] { "d.e.f" } };

            Assert.Multiple(() =>
            {
                Assert.That(PlaidVerificationHeader.Find(single), Is.EqualTo("a.b.c"));
                Assert.That(PlaidVerificationHeader.Find(lists), Is.EqualTo("d.e.f"));
            });
        }

        [Test]
        public void An_absent_header_is_null()
        {
            Assert.That(PlaidVerificationHeader.Find(new Dictionary<string, string> { ["Plaid-Verification-X"] = "a.b.c" }), Is.Null);
        }

        [Test]
        public async Task Two_signatures_are_joined_as_HTTP_does_and_never_verify()
        {
            using var h = new WebhookHarness();
            var body = PlaidExampleWebhooks.OAuthStatusUpdatedBytes();
            var headers = new List<KeyValuePair<string, string>>
            {
                new("Plaid-Verification", h.Sign(body)),
                new("plaid-verification", h.Sign(body)),
            };

            var joined = PlaidVerificationHeader.Find(headers);
            var result = await h.VerifyAsync(body, joined);

            Assert.Multiple(() =>
            {
                Assert.That(joined, Does.Contain(","));
                Assert.That(result.FailureReason, Is.EqualTo(WebhookVerificationFailureReason.MalformedToken));
            });
        }

        [Test]
        public void Null_headers_are_an_argument_error()
        {
            Assert.Multiple(() =>
            {
                Assert.That(() => PlaidVerificationHeader.Find((IEnumerable<KeyValuePair<string, string>>)null!), Throws.ArgumentNullException);
                Assert.That(() => PlaidVerificationHeader.Find((IEnumerable<KeyValuePair<string, IEnumerable<string>>>)null!), Throws.ArgumentNullException);
            });
        }
    }
}
