using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    [NonParallelizable]
    public class ProgramTests
    {
        [Test]
        public async Task Exit_codes_are_0_for_a_slice_1_for_a_slicing_error_and_2_for_bad_arguments()
        {
            using var folder = new TempFolder();
            var good = folder.Write("good.yml", SyntheticSpecs.Mixed);
            var bad = folder.Write("bad.yml", "swagger: '2.0'\n");

            var (ok, okOut, okErr) = await RunAsync(good, "-o", folder.File("out.yml"), "--no-overlay");
            var (failed, _, failedErr) = await RunAsync(bad, "-o", folder.File("out2.yml"), "--no-overlay");
            var (usage, _, usageErr) = await RunAsync("--frobnicate");

            Assert.Multiple(() =>
            {
                Assert.That(ok, Is.EqualTo(0));
                Assert.That(okOut, Does.Contain("operations: 4 kept of 7"));
                Assert.That(okErr, Is.Empty);
                Assert.That(failed, Is.EqualTo(1));
                Assert.That(failedErr, Does.StartWith("error: The input is Swagger/OpenAPI 2.0, not OpenAPI 3.0"));
                Assert.That(usage, Is.EqualTo(2));
                Assert.That(usageErr, Does.StartWith("error: Unknown option '--frobnicate'.").And.Contain("usage: dotnet run --project tools/Plaid.Partner.SpecSlicer"));
            });
        }

        private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
        {
            var (originalOut, originalError) = (Console.Out, Console.Error);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                return (await Program.Main(args), output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
