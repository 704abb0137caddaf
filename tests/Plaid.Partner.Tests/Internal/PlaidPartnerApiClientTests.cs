using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.Internal
{
    /// <summary>The generated client as customized by openapi/templates/Client.Class.liquid.</summary>
    public class PlaidPartnerApiClientTests
    {
        [Test]
        public async Task A_cached_request_uri_follows_a_changed_base_url()
        {
            using var handler = new MockHttpMessageHandler();
            handler.Expect(HttpMethod.Post, "https://first.example/partner/customer/get").Respond(HttpStatusCode.OK, "application/json", PlaidExampleResponses.GetResponse);
            handler.Expect(HttpMethod.Post, "https://second.example/partner/customer/get").Respond(HttpStatusCode.OK, "application/json", PlaidExampleResponses.GetResponse);
            using var http = handler.ToHttpClient();
            var api = new PlaidPartnerApiClient { BaseUrl = "https://first.example" };
            var body = new PartnerCustomerGetRequest { EndCustomerClientId = "id" };

            await api.PartnerCustomerGetAsync(http, body, CancellationToken.None);
            api.BaseUrl = "https://second.example/";
            await api.PartnerCustomerGetAsync(http, body, CancellationToken.None);

            handler.VerifyNoOutstandingExpectation();
        }

        [Test]
        public async Task A_json_body_says_its_charset_and_no_accept_header_is_sent()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            var captured = plaid.Capture(PlaidOperations.GetPath, PlaidExampleResponses.GetResponse);

            await plaid.Client.GetEndCustomerAsync("id");

            Assert.Multiple(() =>
            {
                Assert.That(captured.Request!.Content!.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
                Assert.That(captured.Request.Headers.Contains("Accept"), Is.False);
            });
        }
    }
}
