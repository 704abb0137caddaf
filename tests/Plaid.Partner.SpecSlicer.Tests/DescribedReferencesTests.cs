using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    /// <summary>A property's $ref with a description beside it (which OpenAPI 3.0 ignores) becomes allOf: [$ref].</summary>
    public class DescribedReferencesTests
    {
        private const string Describe = """
            overlay: 1.0.0
            info:
              title: test
              version: 1.0.0
            actions:
              - target: $.components.schemas.PartnerCustomerCreateRequest.properties.address
                update:
                  description: Where the end customer is.
            """;

        private static JObject Address(SliceResult result) =>
            (JObject)result.Document["components"]!["schemas"]!["PartnerCustomerCreateRequest"]!["properties"]!["address"]!;

        [Test]
        public void A_described_reference_is_written_as_allOf_after_its_description()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Describe));
            var address = Address(result);

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(address), Is.EqualTo(new[] { "description", "allOf" }));
                Assert.That((string?)address["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/Address"));
                Assert.That(result.DescribedReferences, Is.EqualTo(1));
            });
        }

        [Test]
        public void A_bare_reference_is_left_as_it_is()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed);

            Assert.Multiple(() =>
            {
                Assert.That(Spec.Names(Address(result)), Is.EqualTo(new[] { "$ref" }));
                Assert.That(result.DescribedReferences, Is.Zero);
            });
        }

        [Test]
        public void Slicing_its_own_output_changes_nothing()
        {
            var once = SpecWriter.Write(Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Describe)).Document);

            var twice = Spec.Slice(once, Spec.Overlay(Describe));

            Assert.Multiple(() =>
            {
                Assert.That(SpecWriter.Write(twice.Document), Is.EqualTo(once));
                Assert.That(twice.DescribedReferences, Is.Zero);
            });
        }

        [Test]
        public void A_request_only_schema_behind_a_described_reference_is_still_closed()
        {
            var schemas = Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Describe)).Document["components"]!["schemas"]!;

            Assert.That((bool?)schemas["Address"]!["additionalProperties"], Is.False, "a one-member allOf composes nothing");
        }

        [Test]
        public void A_reference_outside_properties_keeps_its_siblings()
        {
            var items = Spec.Read("""
                components:
                  schemas:
                    List:
                      type: array
                      items:
                        description: ignored by OpenAPI 3.0, but not ours to move
                        $ref: '#/components/schemas/List'
                """);

            Assert.That(DescribedReferences.Apply(items), Is.Zero);
        }
    }
}
