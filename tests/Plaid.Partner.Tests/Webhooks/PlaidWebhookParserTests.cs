using System;
using System.Text;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    public class PlaidWebhookParserTests
    {
        [Test]
        public void Plaids_example_webhook_becomes_the_typed_END_CUSTOMER_OAUTH_STATUS_UPDATED_model()
        {
            var webhook = PlaidWebhookParser.Parse(PlaidExampleWebhooks.OAuthStatusUpdatedBytes());

            Assert.That(webhook, Is.InstanceOf<PartnerEndCustomerOAuthStatusUpdatedWebhook>());
            var update = (PartnerEndCustomerOAuthStatusUpdatedWebhook)webhook;
            Assert.Multiple(() =>
            {
                Assert.That(update.WebhookType, Is.EqualTo("PARTNER"));
                Assert.That(update.WebhookCode, Is.EqualTo("END_CUSTOMER_OAUTH_STATUS_UPDATED"));
                Assert.That(update.EndCustomerClientId, Is.EqualTo("634758733ebb4f00134b85ea"));
                Assert.That(update.Environment, Is.EqualTo(WebhookEnvironmentValues.Production));
                Assert.That(update.InstitutionId, Is.EqualTo("ins_127989"));
                Assert.That(update.InstitutionName, Is.EqualTo("Bank of America"));
                Assert.That(update.Status, Is.EqualTo(PartnerEndCustomerOAuthStatusUpdatedValues.AttentionRequired));
                Assert.That(update.AdditionalProperties, Is.Empty);
            });
        }

        [TestCase("not-started")]
        [TestCase("processing")]
        [TestCase("approved")]
        [TestCase("enabled")]
        [TestCase("attention-required")]
        public void Every_status_Plaid_lists_is_known(string status)
        {
            var update = (PartnerEndCustomerOAuthStatusUpdatedWebhook)PlaidWebhookParser.Parse(PlaidExampleWebhooks.OAuthStatusUpdated.Replace("attention-required", status, StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(update.Status.IsKnown, Is.True);
                Assert.That(update.Status.ToString(), Is.EqualTo(status));
            });
        }

        [Test]
        public void A_status_or_member_Plaid_adds_later_is_kept_not_refused()
        {
            var json = PlaidExampleWebhooks.OAuthStatusUpdated
                .Replace("attention-required", "on-hold", StringComparison.Ordinal)
                .Replace("\"environment\"", "\"new_member\": [1, 2],\n  \"environment\"", StringComparison.Ordinal);

            var update = (PartnerEndCustomerOAuthStatusUpdatedWebhook)PlaidWebhookParser.Parse(json);

            Assert.Multiple(() =>
            {
                Assert.That(update.Status.IsKnown, Is.False);
                Assert.That(update.Status.ToString(), Is.EqualTo("on-hold"));
                Assert.That(update.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "new_member" }));
            });
        }

        // The contract marks what a handler acts on required (openapi/README.md, "Required members"); the institution's
        // name is a label, so a delivery without it is still read.
        [TestCase("end_customer_client_id")]
        [TestCase("environment")]
        [TestCase("institution_id")]
        [TestCase("status")]
        public void A_webhook_without_a_member_a_handler_acts_on_throws_a_typed_error_naming_it(string member)
        {
            var body = JObject.Parse(PlaidExampleWebhooks.OAuthStatusUpdated);
            body.Remove(member);

            var exception = Assert.Throws<PlaidWebhookFormatException>(() => PlaidWebhookParser.Parse(body.ToString()));

            Assert.That(exception!.Message, Does.Contain(member));
        }

        [Test]
        public void A_webhook_without_the_institution_name_is_read()
        {
            var body = JObject.Parse(PlaidExampleWebhooks.OAuthStatusUpdated);
            body.Remove("institution_name");

            var update = (PartnerEndCustomerOAuthStatusUpdatedWebhook)PlaidWebhookParser.Parse(body.ToString());

            Assert.Multiple(() =>
            {
                Assert.That(update.InstitutionName, Is.Null);
                Assert.That(update.Status, Is.EqualTo(PartnerEndCustomerOAuthStatusUpdatedValues.AttentionRequired));
            });
        }

        [TestCase("PARTNER", "SOMETHING_NEW")]
        [TestCase("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE")]
        [TestCase("partner", "END_CUSTOMER_OAUTH_STATUS_UPDATED")]
        public void Any_other_type_and_code_becomes_an_UnknownPlaidWebhook_with_the_raw_JSON(string type, string code)
        {
            var json = $"{{\n  \"webhook_type\": \"{type}\",\n  \"webhook_code\": \"{code}\",\n  \"item_id\": \"x\"\n}}";

            var webhook = PlaidWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

            Assert.That(webhook, Is.InstanceOf<UnknownPlaidWebhook>());
            var unknown = (UnknownPlaidWebhook)webhook;
            Assert.Multiple(() =>
            {
                Assert.That(unknown.WebhookType, Is.EqualTo(type));
                Assert.That(unknown.WebhookCode, Is.EqualTo(code));
                Assert.That(unknown.RawJson, Is.EqualTo(json));
            });
        }

        [TestCase("", "not valid JSON")]
        [TestCase("{", "not valid JSON")]
        [TestCase("{\"webhook_type\": \"PARTNER\", \"webhook_code\": }", "not valid JSON")]
        [TestCase("{} {}", "Additional text")]
        [TestCase("[]", "must be a JSON object")]
        [TestCase("\"PARTNER\"", "must be a JSON object")]
        [TestCase("{\"webhook_code\": \"X\"}", "webhook_type")]
        [TestCase("{\"webhook_type\": \"PARTNER\"}", "webhook_code")]
        [TestCase("{\"webhook_type\": 1, \"webhook_code\": \"X\"}", "webhook_type")]
        [TestCase("{\"webhook_type\": \"\", \"webhook_code\": \"X\"}", "webhook_type")]
        [TestCase("{\"webhook_type\": \"PARTNER\", \"webhook_type\": \"ITEM\", \"webhook_code\": \"X\"}", "webhook_type")]
        [TestCase("{\"webhook_type\": \"PARTNER\", \"webhook_code\": \"END_CUSTOMER_OAUTH_STATUS_UPDATED\", \"institution_id\": {}}", "does not match its model")]
        public void A_body_that_is_not_a_Plaid_webhook_throws_a_typed_error_naming_the_problem(string json, string named)
        {
            Assert.That(() => PlaidWebhookParser.Parse(json), Throws.TypeOf<PlaidWebhookFormatException>().With.Message.Contains(named));
        }

        [Test]
        public void A_body_that_is_not_UTF8_throws_a_typed_error()
        {
            Assert.That(() => PlaidWebhookParser.Parse(new byte[] { 0x7B, 0xFF, 0x7D }), Throws.TypeOf<PlaidWebhookFormatException>().With.Message.Contains("UTF-8"));
        }

        [Test]
        public void JSON_nested_deeper_than_any_Plaid_body_throws_a_typed_error()
        {
            var deep = "{\"webhook_type\":\"X\",\"webhook_code\":\"Y\",\"a\":" + new string('[', 200) + new string(']', 200) + "}";

            Assert.That(() => PlaidWebhookParser.Parse(deep), Throws.TypeOf<PlaidWebhookFormatException>());
        }

        [Test]
        public void Null_text_is_an_argument_error()
        {
            Assert.That(() => PlaidWebhookParser.Parse((string)null!), Throws.ArgumentNullException);
        }
    }
}
