using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>
    /// Plaid's models returned from, and posted to, a minimal API: ASP.NET Core's own System.Text.Json keeps Plaid's
    /// member names, each status as its string and the values the contract leaves open.
    /// </summary>
    public class MinimalApiModelTests
    {
        [Test]
        public async Task An_end_customer_returned_from_a_minimal_api_keeps_its_status_string()
        {
            await using var app = await StartAsync(endpoints =>
                endpoints.MapGet("/customer", () => new PartnerEndCustomer { ClientId = "7f57eb3d2a9j6480121fx361", CompanyName = "Plaid", Status = PartnerEndCustomerStatus.Active }));
            using var client = app.GetTestClient();

            var json = JsonNode.Parse(await client.GetStringAsync("/customer"))!;

            Assert.Multiple(() =>
            {
                Assert.That((string?)json["status"], Is.EqualTo("ACTIVE"));
                Assert.That((string?)json["client_id"], Is.EqualTo("7f57eb3d2a9j6480121fx361"));
                Assert.That((string?)json["company_name"], Is.EqualTo("Plaid"));
            });
        }

        [Test]
        public async Task A_beta_end_customer_posted_to_and_returned_from_a_minimal_api_keeps_open_values_and_unknown_statuses()
        {
            await using var app = await StartAsync(endpoints => endpoints.MapPost("/echo", (BetaPartnerEndCustomer customer) => customer));
            using var client = app.GetTestClient();
            const string sent = """
                {"client_id":"c","status":"ON_HOLD","product_statuses":{"auth":"ACTIVE","layer":{"state":"held"}},"requirements_due":["website"],"brand_new":[1,true]}
                """;

            using var response = await client.PostAsync("/echo", new StringContent(sent, System.Text.Encoding.UTF8, "application/json"));
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Multiple(() =>
            {
                Assert.That(response.IsSuccessStatusCode, Is.True, json.ToJsonString());
                Assert.That(JsonNode.DeepEquals(json, JsonNode.Parse(sent)), Is.True, json.ToJsonString());
            });
        }

        private static async Task<WebApplication> StartAsync(System.Action<WebApplication> map)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            return app;
        }
    }
}
