using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using NUnit.Framework;

namespace Plaid.Partner.Tests.Contract
{
    /// <summary>build.ps1, parsed with PowerShell's own parser (PowerShell is not installed to run it).</summary>
    public class BuildScriptTests
    {
        private static ScriptBlockAst Parse(out ParseError[] errors) =>
            Parser.ParseFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Contract", "build.ps1"), out _, out errors);

        [Test]
        public void It_parses_without_errors()
        {
            Parse(out var errors);

            Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
        }

        [Test]
        public void It_takes_an_optional_spec_path_and_slices_it_before_building()
        {
            var script = Parse(out _);
            var commands = script.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Select(a => a.Extent.Text).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(script.ParamBlock?.Parameters.Select(p => p.Name.VariablePath.UserPath), Is.EqualTo(new[] { "Spec" }));
                Assert.That(script.ParamBlock!.Parameters[0].Attributes.OfType<AttributeAst>().Any(a => a.TypeName.Name == "Parameter" && a.Extent.Text.Contains("Mandatory")), Is.False, "optional");
                Assert.That(commands, Has.Some.StartsWith("dotnet run --project tools/Plaid.Partner.SpecSlicer"));
                Assert.That(commands.FindIndex(c => c.StartsWith("dotnet run --project tools/Plaid.Partner.SpecSlicer", System.StringComparison.Ordinal)), Is.LessThan(commands.FindIndex(c => c.StartsWith("dotnet build", System.StringComparison.Ordinal))));
                Assert.That(commands, Has.Some.StartsWith("dotnet test Plaid.Partner.sln"));
            });
        }
    }
}
