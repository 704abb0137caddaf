using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class SliceRunTests
    {
        private static string Bundled(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Bundled", name);

        [Test]
        public void Slicing_the_bundled_spec_with_the_bundled_overlay_reproduces_it_byte_for_byte()
        {
            var bundled = File.ReadAllText(Bundled("plaid-partner.yml"));

            var sliced = SpecWriter.Write(Slicer.Slice(SpecReader.Read(bundled, "bundled"), Overlay.Load(Bundled("plaid-partner.overlay.yml"))).Document);

            Assert.That(sliced, Is.EqualTo(bundled));
        }

        [Test]
        public void A_plaid_shaped_file_becomes_the_bundled_spec_through_the_overlay_and_the_credential_policy()
        {
            var bundled = File.ReadAllText(Bundled("plaid-partner.yml"));
            var plaidShaped = PlaidShaped.From(SpecReader.Read(bundled, "bundled"));

            var result = Slicer.Slice(plaidShaped, Overlay.Load(Bundled("plaid-partner.overlay.yml")));

            Assert.Multiple(() =>
            {
                Assert.That(SpecWriter.Write(result.Document), Is.EqualTo(bundled));
                Assert.That(result.OverlayResults.Select(r => r.Matched), Has.All.GreaterThan(0), "every overlay action had something to do");
                Assert.That(result.Policy.CredentialsRemoved, Is.EqualTo((10 + 10) * 2), "client_id and secret of ten request schemas and ten request examples");
            });
        }

        [Test]
        public async Task A_run_over_the_bundled_file_leaves_it_unchanged()
        {
            using var folder = new TempFolder();
            var output = folder.Write("plaid-partner.yml", File.ReadAllText(Bundled("plaid-partner.yml")));
            var commandLine = CommandLine.Parse(new[] { output, "-o", output, "--overlay", Bundled("plaid-partner.overlay.yml") }, folder.Path);

            var report = await SliceRun.RunAsync(commandLine);

            Assert.Multiple(() =>
            {
                Assert.That(report.Changed, Is.False);
                Assert.That(File.ReadAllText(output), Is.EqualTo(File.ReadAllText(Bundled("plaid-partner.yml"))));
                Assert.That(report.Result.OverlayResults, Has.None.Matches<(OverlayAction Action, int Matched)>(r => !r.Action.Remove && r.Matched == 0),
                    "every update of the overlay still finds its target");
            });
        }

        [Test]
        public async Task A_run_over_the_mixed_spec_writes_the_subset_and_prints_what_it_kept()
        {
            using var folder = new TempFolder();
            var input = folder.Write("plaid-full.yml", SyntheticSpecs.Mixed);
            var output = folder.File("plaid-partner.yml");
            var summary = new StringWriter();

            var report = await SliceRun.RunAsync(CommandLine.Parse(new[] { input, "-o", output, "--no-overlay" }, folder.Path));
            report.Write(summary);

            Assert.Multiple(() =>
            {
                Assert.That(report.Changed, Is.True);
                Assert.That(File.ReadAllText(output), Is.EqualTo(SpecWriter.Write(report.Result.Document)));
                Assert.That(summary.ToString(), Does.Contain("operations: 4 kept of 7"));
                Assert.That(summary.ToString(), Does.Contain("  POST /beta/partner/customer/v1/create"));
                Assert.That(summary.ToString(), Does.Contain("schemas:    34 kept, 8 dropped (of 42)"));
                Assert.That(summary.ToString(), Does.Contain("webhooks:   PartnerEndCustomerOAuthStatusUpdatedWebhook, EndCustomerCapabilityWebhook"));
                Assert.That(summary.ToString(), Does.Contain("servers:    https://production.plaid.com, https://sandbox.plaid.com kept; 1 dropped"));
                Assert.That(summary.ToString(), Does.Contain("policy:     9 credential member(s) removed"));
                Assert.That(summary.ToString(), Does.Contain("(written)"));
            });
        }

        [Test]
        public async Task A_slice_that_loses_a_bundled_operation_is_refused_and_writes_nothing()
        {
            using var folder = new TempFolder();
            var input = folder.Write("plaid-full.yml", SyntheticSpecs.Mixed.Replace("/partner/customer/get:", "/item/other:", System.StringComparison.Ordinal));
            var output = folder.File("plaid-partner.yml");
            await SliceRun.RunAsync(CommandLine.Parse(new[] { folder.Write("first.yml", SyntheticSpecs.Mixed), "-o", output, "--no-overlay" }, folder.Path));
            var before = File.ReadAllText(output);

            var exception = Assert.ThrowsAsync<SpecSliceException>(() => SliceRun.RunAsync(CommandLine.Parse(new[] { input, "-o", output, "--no-overlay" }, folder.Path)));

            Assert.That(exception!.Message, Does.Contain("POST /partner/customer/get"));
            Assert.That(File.ReadAllText(output), Is.EqualTo(before));
        }

        [Test]
        public void A_missing_output_folder_is_named()
        {
            using var folder = new TempFolder();
            var input = folder.Write("plaid-full.yml", SyntheticSpecs.Mixed);

            var exception = Assert.ThrowsAsync<SpecSliceException>(() => SliceRun.RunAsync(CommandLine.Parse(new[] { input, "-o", folder.File("nope/out.yml"), "--no-overlay" }, folder.Path)));

            Assert.That(exception!.Message, Does.Contain("output folder").And.Contain("nope"));
        }
    }
}
