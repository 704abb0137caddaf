using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class ProgramTests
    {
        [Test]
        public async Task Exit_codes_are_0_for_a_slice_1_for_a_slicing_error_and_2_for_bad_arguments()
        {
            using var folder = new TempFolder();
            var good = folder.Write("good.yml", SyntheticSpecs.Mixed);
            var bad = folder.Write("bad.yml", "swagger: '2.0'\n");

            Assert.Multiple(async () =>
            {
                Assert.That(await Program.Main(new[] { good, "-o", folder.File("out.yml"), "--no-overlay" }), Is.EqualTo(0));
                Assert.That(await Program.Main(new[] { bad, "-o", folder.File("out2.yml"), "--no-overlay" }), Is.EqualTo(1));
                Assert.That(await Program.Main(new[] { "--frobnicate" }), Is.EqualTo(2));
            });
        }
    }
}
