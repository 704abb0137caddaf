using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>.ci/run readies the machine and runs build.ps1 -Ci; the steps themselves are listed only in build.ps1.</summary>
    public class CiRunTests
    {
        private static string[] CommandLines() => Repository.Read(".ci/run").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();

        private static int IndexOf(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));

        [Test]
        public void It_makes_every_test_that_needs_an_installed_dependency_required_after_the_installs()
        {
            var lines = CommandLines();
            var require = IndexOf(lines, "export PLAID_PARTNER_REQUIRE_EXTERNAL_TESTS=true");

            Assert.Multiple(() =>
            {
                Assert.That(require, Is.GreaterThan(IndexOf(lines, "bash \"$install\"")), "set after the install scripts ran");
                Assert.That(require, Is.LessThan(IndexOf(lines, "dotnet pwsh")), "set before the build runs the tests");
            });
        }

        [Test]
        public void It_restores_the_tools_and_runs_build_ps1_with_ci_through_the_pinned_powershell_last()
        {
            var lines = CommandLines();

            Assert.Multiple(() =>
            {
                Assert.That(IndexOf(lines, "dotnet tool restore"), Is.GreaterThanOrEqualTo(0));
                Assert.That(lines[^1], Does.Match(@"^exec dotnet pwsh .*-File \./build\.ps1 -Ci$"));
            });
        }

        [Test]
        public void It_lists_no_build_step_of_its_own()
        {
            var steps = CommandLines().Where(l => Regex.IsMatch(l, @"\bdotnet (restore|build|test|run|pack)\b") || l.Contains("consume-packages", StringComparison.Ordinal));

            Assert.That(steps, Is.Empty, "build.ps1 is the one place the build steps live");
        }

        [Test]
        public void It_runs_every_install_script_in_name_order_before_the_build()
        {
            var lines = CommandLines();

            Assert.Multiple(() =>
            {
                Assert.That(IndexOf(lines, "for install in .ci/install-*.sh"), Is.GreaterThanOrEqualTo(0), "a glob, so each install script is its own file");
                Assert.That(IndexOf(lines, "bash \"$install\""), Is.GreaterThan(IndexOf(lines, "for install in")).And.LessThan(IndexOf(lines, "./build.ps1")));
            });
        }

        [Test]
        public void The_tool_manifest_pins_the_powershell_whose_parser_these_tests_use()
        {
            using var manifest = JsonDocument.Parse(Repository.Read(".config/dotnet-tools.json"));
            var powershell = manifest.RootElement.GetProperty("tools").GetProperty("powershell");
            var parser = XDocument.Parse(Repository.Read("Directory.Packages.props")).Descendants("PackageVersion")
                .Single(p => (string?)p.Attribute("Include") == "System.Management.Automation").Attribute("Version")?.Value;

            Assert.Multiple(() =>
            {
                Assert.That(powershell.GetProperty("version").GetString(), Is.EqualTo("7.6.9"));
                Assert.That(powershell.GetProperty("commands").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "pwsh" }));
                Assert.That(parser, Is.EqualTo(powershell.GetProperty("version").GetString()));
            });
        }
    }
}
