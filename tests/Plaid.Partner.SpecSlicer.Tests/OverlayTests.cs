using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class OverlayTests
    {
        private const string Differences = """
            overlay: 1.0.0
            info:
              title: test
              version: 1.0.0
            actions:
              - target: $.info
                update:
                  description: Ours
              - target: $.components.schemas.Status.enum[?(@ == 'DENIED')]
                remove: true
              - target: $.components.schemas.Status.enum
                update: REJECTED
              - target: $.components.schemas.Secrets.properties
                update:
                  production:
                    type: string
              - target: $.components.schemas.CraQuestionnaire.properties.is_third_party_involved
                remove: true
              - target: $.components.schemas.NotInThisFile
                update:
                  description: never applies
              - target: $.components.schemas
                update:
                  Unreferenced:
                    type: string
            """;

        [Test]
        public void Updates_merge_removals_remove_and_array_updates_append()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Differences));
            var schemas = result.Document["components"]!["schemas"]!;

            Assert.Multiple(() =>
            {
                Assert.That((string?)result.Document["info"]!["description"], Is.EqualTo("Ours"));
                Assert.That((string?)result.Document["info"]!["title"], Is.EqualTo("Synthetic mixed spec"), "merged, not replaced");
                Assert.That(schemas["Status"]!["enum"]!.Select(v => (string?)v), Is.EqualTo(new[] { "ACTIVE", "REJECTED" }));
                Assert.That(Spec.Names(schemas["Secrets"]!["properties"]), Is.EqualTo(new[] { "sandbox", "production" }));
                Assert.That(Spec.Names(schemas["CraQuestionnaire"]!["properties"]), Is.Empty);
            });
        }

        [Test]
        public void What_the_overlay_adds_but_nothing_references_is_dropped_again()
        {
            var schemas = Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Differences)).Document["components"]!["schemas"]!;

            Assert.That(schemas["Unreferenced"], Is.Null);
        }

        [Test]
        public void Each_action_reports_how_many_nodes_it_matched()
        {
            var result = Spec.Slice(SyntheticSpecs.Mixed, Spec.Overlay(Differences));

            Assert.That(result.OverlayResults.Select(r => r.Matched), Is.EqualTo(new[] { 1, 1, 1, 1, 1, 0, 1 }));
        }

        [Test]
        public void Applying_the_overlay_to_its_own_output_changes_nothing()
        {
            var overlay = Spec.Overlay(Differences);
            var once = SpecWriter.Write(Spec.Slice(SyntheticSpecs.Mixed, overlay).Document);

            Assert.That(SpecWriter.Write(Spec.Slice(once, overlay).Document), Is.EqualTo(once));
        }

        [Test]
        public void An_overlay_can_add_a_reference_and_the_schema_it_names()
        {
            var overlay = Spec.Overlay("""
                overlay: 1.0.0
                actions:
                  - target: $.components.schemas
                    update:
                      Reason:
                        type: string
                        enum: [A]
                  - target: $.components.schemas.PlaidError.properties
                    update:
                      reason:
                        allOf:
                          - $ref: '#/components/schemas/Reason'
                """);

            var schemas = Spec.Slice(SyntheticSpecs.Mixed, overlay).Document["components"]!["schemas"]!;

            Assert.That(schemas["Reason"]!["enum"]!.Single().ToString(), Is.EqualTo("A"));
        }

        [Test]
        public void A_reference_the_overlay_leaves_dangling_is_an_error()
        {
            var overlay = Spec.Overlay("""
                overlay: 1.0.0
                actions:
                  - target: $.components.schemas.PlaidError.properties
                    update:
                      reason:
                        $ref: '#/components/schemas/Nowhere'
                """);

            var exception = Assert.Throws<SpecSliceException>(() => Spec.Slice(SyntheticSpecs.Mixed, overlay));

            Assert.That(exception!.Message, Does.StartWith("After the overlay (the test overlay) and the credential policy: 1 $ref(s) do not resolve"));
        }

        [TestCase("actions: []", "needs 'overlay: 1.0.0'")]
        [TestCase("overlay: 1.0.0", "has no 'actions' list")]
        [TestCase("overlay: 1.0.0\nactions:\n  - update: {}", "action 1 needs a 'target' JSONPath")]
        [TestCase("overlay: 1.0.0\nactions:\n  - target: $.info", "action 1 ('$.info') needs exactly one of 'update' or 'remove: true'")]
        [TestCase("overlay: 1.0.0\nactions:\n  - target: $.info\n    remove: true\n    update: {}", "needs exactly one of")]
        public void A_malformed_overlay_is_refused_with_the_action_named(string yaml, string message)
        {
            var exception = Assert.Throws<SpecSliceException>(() => Spec.Overlay(yaml));

            Assert.That(exception!.Message, Does.Contain(message));
        }

        [TestCase("$.info[", "is not a JSONPath this overlay can evaluate")]
        [TestCase("$.info.title", "selects #/info/title, a String; an update needs an object target")]
        public void An_action_that_cannot_apply_is_refused_with_its_target(string target, string message)
        {
            var overlay = Spec.Overlay($"overlay: 1.0.0\nactions:\n  - target: '{target}'\n    update:\n      x: 1\n");

            var exception = Assert.Throws<SpecSliceException>(() => overlay.Apply(Spec.Read(SyntheticSpecs.Mixed)));

            Assert.That(exception!.Message, Does.Contain("action 1").And.Contain(message));
        }

        [Test]
        public void The_document_itself_cannot_be_removed()
        {
            var overlay = Spec.Overlay("overlay: 1.0.0\nactions:\n  - target: $\n    remove: true\n");

            Assert.That(() => overlay.Apply(new JObject()), Throws.TypeOf<SpecSliceException>().With.Message.Contains("cannot be removed"));
        }
    }
}
