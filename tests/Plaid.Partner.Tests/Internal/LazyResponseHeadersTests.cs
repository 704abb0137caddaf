using System.Linq;
using System.Net;
using System.Net.Http;
using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests.Internal
{
    public class LazyResponseHeadersTests
    {
        [Test]
        public void Message_and_content_headers_are_both_collected()
        {
            using var response = Response();

            var headers = new LazyResponseHeaders(response);

            Assert.Multiple(() =>
            {
                Assert.That(headers["Retry-After"], Is.EqualTo(new[] { "3" }));
                Assert.That(headers["Content-Type"].Single(), Does.StartWith("application/json"));
                Assert.That(headers.ContainsKey("X-Missing"), Is.False);
                Assert.That(headers.Keys, Is.EquivalentTo(headers.Select(h => h.Key)));
            });
        }

        [Test]
        public void A_header_is_found_whatever_the_case_of_its_name()
        {
            using var response = Response();

            var headers = new LazyResponseHeaders(response);

            Assert.Multiple(() =>
            {
                Assert.That(headers["retry-after"], Is.EqualTo(new[] { "3" }));
                Assert.That(headers.ContainsKey("CONTENT-TYPE"), Is.True);
            });
        }

        [Test]
        public void An_error_keeps_the_headers_after_the_response_is_disposed()
        {
            var response = Response();
            var error = new PlaidFailure(429, "{}", new LazyResponseHeaders(response), error: null);

            response.Dispose();

            Assert.That(error.Headers["Retry-After"], Is.EqualTo(new[] { "3" }));
        }

        private static HttpResponseMessage Response()
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("Retry-After", "3");
            return response;
        }
    }
}
