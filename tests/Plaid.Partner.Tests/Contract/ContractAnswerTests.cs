using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Contract
{
    /// <summary>
    /// Every operation, fed answers that Plaid's contract allows but its examples never show: members left out, nulls where
    /// the contract allows them, any enum value, and any JSON (booleans, numbers, strings, nulls, objects, arrays) in every
    /// open value: an unknown member of an object with <c>additionalProperties: true</c>, an item of <c>causes</c>, a
    /// product's status. Each answer must read without failing the call, and come back out unchanged through
    /// Newtonsoft.Json and through System.Text.Json.
    /// </summary>
    public class ContractAnswerTests
    {
        private const int AnswersPerOperation = 30;

        [TestCaseSource(typeof(EndpointCase), nameof(EndpointCase.All))]
        public async Task Every_answer_the_contract_allows_reads_and_round_trips_through_both_serializers(EndpointCase endpoint)
        {
            var operation = (await BundledSpec.LoadAsync()).Paths[endpoint.Path]["post"];
            var schema = operation.ActualResponses["200"].Schema!;

            for (var seed = 0; seed < AnswersPerOperation; seed++)
            {
                var answer = new ContractAnswers(seed).For(schema);
                using var plaid = new MockPlaid(PlaidEnvironment.Production);
                plaid.Respond(endpoint.Path, HttpStatusCode.OK, answer.ToString(Formatting.None));

                object response;
                try
                {
                    response = await endpoint.Call(plaid.Client);
                }
                catch (PlaidApiException e)
                {
                    Assert.Fail($"seed {seed}: an answer the contract allows failed the call: {e.Message} ({e.InnerException?.Message})\n{answer}");
                    return;
                }

                var expected = WithoutNullMembers(answer);
                var throughNewtonsoft = JsonConvert.SerializeObject(response, Settings());
                var throughSystemTextJson = System.Text.Json.JsonSerializer.Serialize(response, response.GetType());
                var backThroughSystemTextJson = System.Text.Json.JsonSerializer.Deserialize(throughSystemTextJson, response.GetType())!;
                Assert.Multiple(() =>
                {
                    AssertSameJson(throughNewtonsoft, expected, $"seed {seed}, written by Newtonsoft.Json");
                    AssertSameJson(throughSystemTextJson, expected, $"seed {seed}, written by System.Text.Json");
                    AssertSameJson(JsonConvert.SerializeObject(backThroughSystemTextJson, Settings()), expected, $"seed {seed}, read back by System.Text.Json");
                });
            }
        }

        [Test]
        public async Task A_product_status_that_is_not_a_string_is_kept_as_received_beside_the_status_strings()
        {
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.BetaGetPath, HttpStatusCode.OK, """
                {"end_customer":{"client_id":"c","product_statuses":{"auth":"ACTIVE","cra_base_report":{"state":"PENDING","since":3},"layer":true,"signal":null,"statements":7.5}},
                 "request_id":"r"}
                """);

            var statuses = (await plaid.Client.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId)).EndCustomer!.ProductStatuses!;

            Assert.Multiple(() =>
            {
                Assert.That(statuses["auth"].Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(statuses["auth"] == PartnerEndCustomerStatus.Active, Is.True);
                Assert.That(statuses["cra_base_report"].Status, Is.Null);
                Assert.That(statuses["cra_base_report"].Value.Kind, Is.EqualTo(PlaidJsonValueKind.Object));
                Assert.That(statuses["cra_base_report"].Value.JsonText, Is.EqualTo("{\"state\":\"PENDING\",\"since\":3}"));
                Assert.That(statuses["cra_base_report"].ToString(), Is.EqualTo("{\"state\":\"PENDING\",\"since\":3}"));
                Assert.That(statuses["layer"].Value.Kind, Is.EqualTo(PlaidJsonValueKind.Boolean));
                Assert.That(statuses["signal"].Value, Is.SameAs(PlaidJsonValue.Null));
                Assert.That(statuses["statements"].Value.JsonText, Is.EqualTo("7.5"));
            });
        }

        private static JsonSerializerSettings Settings()
        {
            var settings = new JsonSerializerSettings();
            PlaidJson.Configure(settings);
            return settings;
        }

        private static void AssertSameJson(string actual, JToken expected, string what)
        {
            var parsed = WithoutNullMembers(JToken.Parse(actual));
            Assert.That(JToken.DeepEquals(parsed, expected), Is.True, $"{what}:\n{parsed}\nexpected:\n{expected}");
        }

        /// <summary>A null member and a missing one say the same; the serializers leave nulls out as PlaidJson does.</summary>
        private static JToken WithoutNullMembers(JToken token)
        {
            var copy = token.DeepClone();
            foreach (var property in (copy as JContainer)?.DescendantsAndSelf().OfType<JProperty>().Where(p => p.Value.Type == JTokenType.Null).ToList() ?? [])
            {
                property.Remove();
            }

            return copy;
        }
    }
}
