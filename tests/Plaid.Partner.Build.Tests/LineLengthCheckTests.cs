using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// Directory.Build.targets fails a build on a C# line longer than .editorconfig's max_line_length. These check what
    /// the build cannot see: C# files no project compiles (.ci/), and exemptions that are no longer needed.
    /// </summary>
    public class LineLengthCheckTests
    {
        private static int MaxLineLength()
        {
            var section = Regex.Match(Repository.Read(".editorconfig"), @"^\[\*\.cs\]\s*$(?<body>.*?)(?=^\[|\z)", RegexOptions.Multiline | RegexOptions.Singleline);
            var setting = Regex.Match(section.Groups["body"].Value, @"^max_line_length\s*=\s*(?<n>\d+)\s*$", RegexOptions.Multiline);
            Assert.That(setting.Success, Is.True, ".editorconfig's [*.cs] section sets max_line_length");
            return int.Parse(setting.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string[] Exempt() => XDocument.Load(Repository.PathOf("Directory.Build.targets"))
            .Descendants("PlaidLineLengthExempt")
            .SelectMany(item => ((string)item.Attribute("Include")!).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();

        private static bool HasLongLine(string relativePath, int max) => File.ReadLines(Repository.PathOf(relativePath)).Any(line => line.Length > max);

        [Test]
        public void The_limit_is_what_the_code_was_measured_against()
        {
            Assert.That(MaxLineLength(), Is.EqualTo(200));
        }

        [Test]
        public void The_ci_programs_no_project_builds_keep_the_limit_too()
        {
            var max = MaxLineLength();
            var files = Directory.EnumerateFiles(Repository.PathOf(".ci"), "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(files, Is.Not.Empty);
                Assert.That(files.Where(file => HasLongLine(file, max)), Is.Empty);
            });
        }

        [Test]
        public void Every_exempt_file_still_has_a_line_to_wrap()
        {
            var max = MaxLineLength();
            var check = XDocument.Load(Repository.PathOf("Directory.Build.targets")).Descendants("PlaidCheckLineLength").Single();

            Assert.Multiple(() =>
            {
                // The list read here is the one the build's check is given (empty today: no file is exempt), so an exemption
                // added anywhere else would fail the build's check rather than pass unseen by this test.
                Assert.That((string?)check.Attribute("Exempt"), Is.EqualTo("@(PlaidLineLengthExempt)"));
                Assert.That(Exempt().Where(file => !HasLongLine(file, max)), Is.Empty, "remove these from PlaidLineLengthExempt in Directory.Build.targets");
            });
        }
    }
}
