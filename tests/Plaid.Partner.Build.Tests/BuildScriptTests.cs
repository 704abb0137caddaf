using System.Linq;
using System.Management.Automation.Language;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>build.ps1 read with PowerShell's own parser: it parses, and takes the switches the README and .ci/run use.</summary>
    public class BuildScriptTests
    {
        private static ScriptBlockAst Parse(out ParseError[] errors) =>
            Parser.ParseFile(Repository.PathOf("build.ps1"), out _, out errors);

        [Test]
        public void It_parses_without_errors()
        {
            Parse(out var errors);

            Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
        }

        [Test]
        public void It_takes_an_optional_spec_path_and_a_ci_switch_and_nothing_else()
        {
            var parameters = Parse(out _).ParamBlock?.Parameters.ToDictionary(p => p.Name.VariablePath.UserPath, p => p);

            Assert.Multiple(() =>
            {
                Assert.That(parameters?.Keys, Is.EquivalentTo(new[] { "Spec", "Ci" }));
                Assert.That(parameters!["Spec"].StaticType, Is.EqualTo(typeof(string)));
                Assert.That(parameters["Ci"].StaticType, Is.EqualTo(typeof(System.Management.Automation.SwitchParameter)));
                Assert.That(parameters.Values.SelectMany(p => p.Attributes).Any(a => a.Extent.Text.Contains("Mandatory", System.StringComparison.OrdinalIgnoreCase)), Is.False,
                    "every parameter is optional");
            });
        }

        [Test]
        public void Its_help_says_how_to_run_it_with_the_pinned_powershell()
        {
            var help = Parse(out _).GetHelpContent();

            Assert.Multiple(() =>
            {
                Assert.That(help?.Synopsis, Does.Contain(".ci/run"));
                Assert.That(help?.Description, Does.Contain("dotnet tool restore").And.Contain("dotnet pwsh ./build.ps1"));
                Assert.That(help?.Parameters.Keys, Is.EquivalentTo(new[] { "SPEC", "CI" }));
            });
        }
    }
}
