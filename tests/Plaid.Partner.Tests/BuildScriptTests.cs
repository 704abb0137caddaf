using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using NUnit.Framework;

namespace Plaid.Partner.Tests
{
    /// <summary>PowerShell is not installed here, so build.ps1 is checked with PowerShell's own parser.</summary>
    public class BuildScriptTests
    {
        private static string ScriptPath => Path.Combine(System.AppContext.BaseDirectory, "Contract", "build.ps1");

        [Test]
        public void Build_ps1_parses_without_errors()
        {
            Parser.ParseFile(ScriptPath, out _, out var errors);

            Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
        }

        [Test]
        public void Build_ps1_restores_builds_and_tests_the_solution()
        {
            var ast = Parser.ParseFile(ScriptPath, out _, out _);

            var commands = ast.FindAll(node => node is CommandAst, searchNestedScriptBlocks: true)
                .Cast<CommandAst>()
                .Where(c => c.GetCommandName() == "dotnet")
                .Select(c => string.Join(' ', c.CommandElements.Skip(1).Take(2).Select(e => e.Extent.Text)))
                .ToList();

            Assert.That(commands, Does.Contain("restore Plaid.Partner.sln").And.Contain("build Plaid.Partner.sln").And.Contain("test Plaid.Partner.sln"));
        }
    }
}
