using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Tests.TestSupport;

namespace Plaid.Partner.Emulator.Tests.Validation
{
    /// <summary>Bodies that break openapi/plaid-partner.yml get Plaid's INVALID_REQUEST errors (Plaid API docs, Errors › Invalid request errors), naming the field.</summary>
    public class ContractValidatorTests
    {
        public record BadBody(string Name, string Path, JObject Body, string ErrorCode, string[] Named)
        {
            public override string ToString() => Name;
        }

        private static BadBody Create(string name, System.Action<JObject> change, string code, params string[] named)
        {
            var body = CreateRequests.ValidJson();
            change(body);
            return new BadBody(name, "/partner/customer/create", body, code, named);
        }

        private static readonly BadBody[] BadBodies =
        {
            Create("missing required field", b => b.Remove("legal_entity_name"), "MISSING_FIELDS", "the following required fields are missing: legal_entity_name"),
            Create("two missing fields", b => { b.Remove("website"); b.Remove("address"); }, "MISSING_FIELDS", "website", "address"),
            Create("null required field", b => b["company_name"] = null, "MISSING_FIELDS", "company_name"),
            Create("missing nested required field", b => b["assets_under_management"] = new JObject { ["amount"] = 5 }, "MISSING_FIELDS", "assets_under_management.iso_currency_code"),
            Create("unknown product", b => b["products"] = new JArray("auth", "crypto"), "INVALID_FIELD", "products[1] must be one of assets, auth"),
            Create("wrong type", b => b["is_diligence_attested"] = "yes", "INVALID_FIELD", "is_diligence_attested must be a boolean (got string)"),
            Create("wrong nested type", b => b["address"]!["city"] = 10001, "INVALID_FIELD", "address.city must be a string (got integer)"),
            Create("products not an array", b => b["products"] = "auth", "INVALID_FIELD", "products must be an array"),
            Create("unknown field", b => b["client_id"] = "smuggled", "UNKNOWN_FIELDS", "the following fields are not recognized by this endpoint: client_id"),
            Create("unknown nested field", b => b["address"]!["planet"] = "Earth", "UNKNOWN_FIELDS", "address.planet"),
            new BadBody("get without id", "/partner/customer/get", new JObject(), "MISSING_FIELDS", new[] { "end_customer_client_id" }),
            new BadBody("enable with numeric id", "/partner/customer/enable", new JObject { ["end_customer_client_id"] = 7 }, "INVALID_FIELD", new[] { "end_customer_client_id must be a string" }),
            new BadBody("key get with extra field", "/webhook_verification_key/get", new JObject { ["key_id"] = "k", ["secret"] = "s" }, "UNKNOWN_FIELDS", new[] { "secret" }),
        };

        [TestCaseSource(nameof(BadBodies))]
        public async Task A_body_that_breaks_the_contract_gets_invalid_request_naming_the_field(BadBody bad)
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();

            var response = await RawPlaid.PostAsync(emulator, bad.Path, bad.Body.ToString());

            await Assert.MultipleAsync(async () =>
            {
                Assert.That(response.Status, Is.EqualTo(400));
                Assert.That(response.Json["error_type"]!.ToString(), Is.EqualTo("INVALID_REQUEST"));
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo(bad.ErrorCode));
                foreach (var named in bad.Named)
                {
                    Assert.That(response.Json["error_message"]!.ToString(), Does.Contain(named));
                }

                Assert.That(await emulator.GetCustomersAsync(), Is.Empty, "a refused create stores nothing");
            });
        }

        [Test]
        public async Task A_null_optional_field_counts_as_absent()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var body = CreateRequests.ValidJson();
            body["products"] = null;
            body["technical_contact"] = null;

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/create", body.ToString());

            Assert.That(response.Status, Is.EqualTo(200), response.Text);
        }

        [Test]
        public async Task A_value_sent_in_a_wrong_field_is_not_echoed_in_the_error()
        {
            await using var emulator = await PlaidPartnerEmulator.StartAsync();
            var body = CreateRequests.ValidJson();
            body["website"] = new JArray("sk-very-private-value");

            var response = await RawPlaid.PostAsync(emulator, "/partner/customer/create", body.ToString());

            Assert.Multiple(() =>
            {
                Assert.That(response.Json["error_code"]!.ToString(), Is.EqualTo("INVALID_FIELD"));
                Assert.That(response.Text, Does.Not.Contain("sk-very-private-value"));
            });
        }
    }
}
