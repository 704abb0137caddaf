using System.Linq;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class SlicerTests
    {
        [Test]
        public void Keeps_exactly_the_schemas_the_partner_operations_and_webhooks_reach_in_input_order()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed);

            Assert.That(Spec.Names(result.Document["components"]!["schemas"]), Is.EqualTo(SyntheticSpecs.MixedKeptSchemas));
        }

        [Test]
        public void Keeps_the_partner_paths_and_drops_the_others_including_a_lookalike_prefix()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed);

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(result.Document["paths"]), Is.EqualTo(new[]
                {
                    "/partner/customer/create", "/partner/customer/get", "/beta/partner/customer/v1/create", "/webhook_verification_key/get",
                }));
                Assert.That(result.Operations, Has.Count.EqualTo(4));
                Assert.That(result.InputOperationCount, Is.EqualTo(7));
            });
        }

        [Test]
        public void Keeps_every_other_component_kind_only_where_reached()
        {
            var components = Spec.Slice(SyntheticSpecs.Mixed).Document["components"]!;

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(components), Is.EqualTo(new[] { "securitySchemes", "parameters", "requestBodies", "responses", "headers", "examples", "schemas" }));
                Assert.That(Spec.Names(components["parameters"]), Is.EqualTo(new[] { "TraceHeader" }));
                Assert.That(Spec.Names(components["requestBodies"]), Is.EqualTo(new[] { "PartnerCustomerCreateBody" }));
                Assert.That(Spec.Names(components["responses"]), Is.EqualTo(new[] { "ErrorResponse" }));
                Assert.That(Spec.Names(components["headers"]), Is.EqualTo(new[] { "RequestIdHeader" }));
                Assert.That(Spec.Names(components["examples"]), Is.EqualTo(new[] { "CreatedExample" }));
                Assert.That(Spec.Names(components["securitySchemes"]), Is.EqualTo(new[] { "clientId", "secret" }));
            });
        }

        [Test]
        public void Finds_partner_webhooks_by_their_webhook_type_not_by_name_alone()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed);

            Assert.That(result.WebhookSchemas, Is.EqualTo(new[] { "PartnerEndCustomerOAuthStatusUpdatedWebhook", "EndCustomerCapabilityWebhook" }));
        }

        [Test]
        public void Keeps_production_and_sandbox_servers_the_used_tags_and_the_known_top_level_members()
        {
            var document = Spec.Slice(SyntheticSpecs.Mixed).Document;

            Assert.Multiple(() =>
            {
                Assert.That(document["servers"]!.Select(s => (string?)s["url"]), Is.EqualTo(new[] { "https://production.plaid.com", "https://sandbox.plaid.com" }));
                Assert.That(document["tags"]!.Select(t => (string?)t["name"]), Is.EqualTo(new[] { "Plaid" }));
                Assert.That(Spec.Names(document), Is.EqualTo(new[] { "openapi", "info", "servers", "tags", "security", "paths", "components" }));
                Assert.That((string?)document["paths"]!["/partner/customer/create"]!["x-plaid-business-unit-context"], Is.EqualTo("BUSINESS_UNIT_PLAID"));
            });
        }

        [Test]
        public void Slicing_the_written_slice_again_gives_the_same_bytes()
        {
            var once = SpecWriter.Write(Spec.Slice(SyntheticSpecs.Mixed).Document);
            var twice = SpecWriter.Write(Spec.Slice(once).Document);

            Assert.That(twice, Is.EqualTo(once));
        }

        [Test]
        public void A_json_input_gives_the_same_slice_as_the_yaml_input()
        {
            var json = Spec.Read(SyntheticSpecs.Mixed).ToString();

            Assert.That(SpecWriter.Write(Slicer.Slice(SpecReader.Read(json, "json"), null).Document), Is.EqualTo(SpecWriter.Write(Spec.Slice(SyntheticSpecs.Mixed).Document)));
        }

        [Test]
        public void Swagger_2_is_refused()
        {
            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice("swagger: '2.0'\ninfo:\n  title: x\npaths: {}\n"));

            Assert.That(exception!.Message, Does.Contain("Swagger/OpenAPI 2.0, not OpenAPI 3.0"));
        }

        [TestCase("3.1.0", "OpenAPI 3.1.0; the slicer and the generator read OpenAPI 3.0.x only")]
        [TestCase("'2.0'", "OpenAPI 2.0; the slicer and the generator read OpenAPI 3.0.x only")]
        public void Other_openapi_versions_are_refused(string version, string message)
        {
            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(SyntheticSpecs.Minimal(openapi: version)));

            Assert.That(exception!.Message, Does.Contain(message));
        }

        [Test]
        public void A_document_without_openapi_is_refused()
        {
            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice("info:\n  title: x\npaths: {}\n"));

            Assert.That(exception!.Message, Does.Contain("not an OpenAPI 3.0 document"));
        }

        [Test]
        public void A_dangling_ref_reached_from_a_partner_operation_names_the_ref_and_where_it_is()
        {
            var yaml = SyntheticSpecs.Minimal(schemas: "Thing:\n      type: object\n      properties:\n        part:\n          $ref: '#/components/schemas/Missing'");

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("'#/components/schemas/Missing' at #/components/schemas/Thing/properties/part: there is no schemas component named 'Missing'"));
        }

        [Test]
        public void A_dangling_ref_in_a_path_is_located_with_an_escaped_json_pointer()
        {
            var yaml = SyntheticSpecs.Minimal(responseSchema: "Gone");

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("at #/paths/~1partner~1thing~1get/post/responses/200/content/application~1json/schema"));
        }

        [Test]
        public void A_dangling_ref_only_a_dropped_operation_uses_does_not_matter()
        {
            var yaml = SyntheticSpecs.Mixed.Replace("$ref: '#/components/schemas/Orphan'", "$ref: '#/components/schemas/NotThere'", System.StringComparison.Ordinal);

            Assert.That(Spec.Slice(yaml).Operations, Has.Count.EqualTo(4));
        }

        [Test]
        public void A_reference_inside_a_component_that_does_not_exist_is_dangling()
        {
            var yaml = SyntheticSpecs.Minimal(schemas: "Thing:\n      $ref: '#/components/schemas/Other/properties/nope'\n    Other:\n      type: object");

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("'#/components/schemas/Other/properties/nope' at #/components/schemas/Thing: 'properties' does not exist inside schemas/Other"));
        }

        [Test]
        public void An_external_reference_is_refused()
        {
            var yaml = SyntheticSpecs.Minimal(schemas: "Thing:\n      $ref: 'other.yml#/Thing'");

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("'other.yml#/Thing' at #/components/schemas/Thing: only local references"));
        }

        [Test]
        public void A_document_without_partner_operations_is_refused()
        {
            var yaml = SyntheticSpecs.Minimal().Replace("/partner/thing/get", "/item/get", System.StringComparison.Ordinal);

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("no partner operation"));
        }

        [Test]
        public void A_document_without_production_or_sandbox_servers_is_refused()
        {
            var yaml = SyntheticSpecs.Minimal().Replace("https://sandbox.plaid.com", "https://development.plaid.com", System.StringComparison.Ordinal);

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("neither of the servers"));
        }

        [Test]
        public void A_security_requirement_naming_an_undefined_scheme_is_refused()
        {
            var yaml = SyntheticSpecs.Minimal().Replace("paths:", "security:\n  - apiKey: []\npaths:", System.StringComparison.Ordinal);

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(yaml));

            Assert.That(exception!.Message, Does.Contain("apiKey"));
        }

        [Test]
        public void The_input_document_is_not_modified()
        {
            var input = Spec.Read(SyntheticSpecs.Mixed);
            var before = input.ToString();

            Slicer.Slice(input, null);

            Assert.That(input.ToString(), Is.EqualTo(before));
        }
    }
}
