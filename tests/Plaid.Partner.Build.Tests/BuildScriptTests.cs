using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using NUnit.Framework;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>build.ps1, parsed with PowerShell's own parser (System.Management.Automation): PowerShell is not installed to run it.</summary>
    public class BuildScriptTests
    {
        private static ScriptBlockAst Parse(out ParseError[] errors) =>
            Parser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Repository", "build.ps1"), out _, out errors);

        private static List<string> DotnetCommands() =>
            Parse(out _).FindAll(node => node is CommandAst command && command.GetCommandName() == "dotnet", searchNestedScriptBlocks: true)
                .Select(node => node.Extent.Text)
                .ToList();

        [Test]
        public void It_parses_without_errors()
        {
            Parse(out var errors);

            Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
        }

        [Test]
        public void It_restores_builds_tests_and_ends_with_the_quickstart_in_that_order()
        {
            var commands = DotnetCommands();
            int IndexOf(string prefix) => commands.FindIndex(c => c.StartsWith(prefix, StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(IndexOf("dotnet restore Plaid.Partner.sln"), Is.GreaterThanOrEqualTo(0));
                Assert.That(IndexOf("dotnet build Plaid.Partner.sln"), Is.GreaterThan(IndexOf("dotnet restore Plaid.Partner.sln")));
                Assert.That(IndexOf("dotnet test Plaid.Partner.sln"), Is.GreaterThan(IndexOf("dotnet build Plaid.Partner.sln")));
                Assert.That(commands[^1], Does.StartWith("dotnet run --project samples/Quickstart"));
            });
        }

        [Test]
        public void It_takes_an_optional_spec_path_and_slices_it_before_building()
        {
            var script = Parse(out _);
            var commands = DotnetCommands();

            Assert.Multiple(() =>
            {
                Assert.That(script.ParamBlock?.Parameters.Select(p => p.Name.VariablePath.UserPath), Is.EqualTo(new[] { "Spec" }));
                Assert.That(script.ParamBlock!.Parameters[0].Attributes.OfType<AttributeAst>().Any(a => a.TypeName.Name == "Parameter" && a.Extent.Text.Contains("Mandatory", StringComparison.Ordinal)), Is.False, "optional");
                Assert.That(
                    commands.FindIndex(c => c.StartsWith("dotnet run --project tools/Plaid.Partner.SpecSlicer", StringComparison.Ordinal)),
                    Is.GreaterThanOrEqualTo(0).And.LessThan(commands.FindIndex(c => c.StartsWith("dotnet build", StringComparison.Ordinal))));
            });
        }
    }
}
