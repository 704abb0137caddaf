using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class CredentialPolicyTests
    {
        private static JToken Schemas => Spec.Slice(SyntheticSpecs.Mixed).Document["components"]!["schemas"]!;

        [Test]
        public void Client_id_and_secret_leave_every_request_body_schema_and_its_required_list()
        {
            var schemas = Schemas;
            var document = Spec.Slice(SyntheticSpecs.Mixed).Document;
            var inline = document["paths"]!["/webhook_verification_key/get"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(schemas["PartnerCustomerCreateRequest"]!["properties"]), Is.EqualTo(new[] { "company_name", "address", "contacts", "metadata", "settings" }));
                Assert.That(schemas["PartnerCustomerCreateRequest"]!["required"]!.Select(r => (string?)r), Is.EqualTo(new[] { "company_name" }));
                Assert.That(Spec.Names(schemas["PartnerCustomerGetRequest"]!["properties"]), Is.EqualTo(new[] { "end_customer_client_id" }));
                Assert.That(Spec.Names(inline["properties"]), Is.EqualTo(new[] { "key_id" }));
                Assert.That(inline["required"]!.Select(r => (string?)r), Is.EqualTo(new[] { "key_id" }));
            });
        }

        [Test]
        public void Client_id_stays_where_a_response_means_the_end_customer()
        {
            Assert.That(Spec.Names(Schemas["EndCustomerBase"]!["properties"]), Does.Contain("client_id"));
        }

        [Test]
        public void Request_examples_lose_their_credentials()
        {
            var document = Spec.Slice(SyntheticSpecs.Mixed).Document;
            var getExample = document["paths"]!["/partner/customer/get"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["example-1"]!["value"]!;
            var createExample = document["components"]!["requestBodies"]!["PartnerCustomerCreateBody"]!["content"]!["application/json"]!["example"]!;

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(getExample), Is.EqualTo(new[] { "end_customer_client_id" }));
                Assert.That(Spec.Names(createExample), Is.EqualTo(new[] { "company_name" }));
            });
        }

        [Test]
        public void Request_only_object_schemas_and_their_inline_objects_are_closed()
        {
            var schemas = Schemas;
            var document = Spec.Slice(SyntheticSpecs.Mixed).Document;
            var inline = document["paths"]!["/webhook_verification_key/get"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;

            Assert.Multiple(() =>
            {
                foreach (var name in new[] { "PartnerCustomerCreateRequest", "Address", "PartnerCustomerGetRequest", "BetaPartnerCustomerV1CreateRequest", "Questionnaires", "CraQuestionnaire" })
                {
                    Assert.That((bool?)schemas[name]!["additionalProperties"], Is.False, name);
                }

                Assert.That((bool?)schemas["PartnerCustomerCreateRequest"]!["properties"]!["settings"]!["additionalProperties"], Is.False, "inline object");
                Assert.That((bool?)inline["additionalProperties"], Is.False, "inline request body schema");
            });
        }

        [Test]
        public void Shared_composed_composing_and_non_object_schemas_keep_their_additional_properties()
        {
            var schemas = Schemas;

            Assert.Multiple(() =>
            {
                Assert.That(schemas["Money"]!["additionalProperties"], Is.Null, "used by a response too");
                Assert.That(schemas["Contact"]!["additionalProperties"], Is.Null, "composes with allOf");
                Assert.That(schemas["ContactBase"]!["additionalProperties"], Is.Null, "an allOf member");
                Assert.That(schemas["Products"]!["additionalProperties"], Is.Null, "a string enum");
                Assert.That(schemas["MetadataValue"]!["additionalProperties"], Is.Null, "a string");
                Assert.That(schemas["PartnerCustomerCreateRequest"]!["properties"]!["metadata"]!["additionalProperties"]!["$ref"], Is.Not.Null, "a map keeps its value schema");
                Assert.That((bool?)schemas["PartnerCustomerCreateResponse"]!["additionalProperties"], Is.True, "a response");
            });
        }

        [Test]
        public void Additional_properties_true_on_a_request_becomes_false_in_place()
        {
            var get = (JObject)Schemas["PartnerCustomerGetRequest"]!;

            Assert.That(Spec.Names(get), Is.EqualTo(new[] { "type", "additionalProperties", "properties", "required" }));
            Assert.That((bool?)get["additionalProperties"], Is.False);
        }

        [Test]
        public void A_new_additional_properties_goes_right_after_type()
        {
            Assert.That(Spec.Names(Schemas["Address"]), Is.EqualTo(new[] { "type", "additionalProperties", "properties" }));
        }

        [Test]
        public void It_reports_what_it_changed_and_changes_nothing_the_second_time()
        {
            var first = Spec.Slice(SyntheticSpecs.Mixed);
            var second = Slicer.Slice(first.Document, null);

            Assert.Multiple(() =>
            {
                Assert.That(first.Policy.CredentialsRemoved, Is.EqualTo(9), "2 + 2 schema members, 1 inline, 2 + 2 example members");
                Assert.That(first.Policy.ClosedSchemas, Is.EqualTo(8), "6 request-only components, 1 inline property, 1 inline body");
                Assert.That(second.Policy.CredentialsRemoved, Is.Zero);
                Assert.That(second.Policy.ClosedSchemas, Is.Zero);
            });
        }
    }
}
