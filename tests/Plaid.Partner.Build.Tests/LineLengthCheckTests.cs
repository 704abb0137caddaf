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
    /// the build cannot see: C# files no project compiles (.ci/, or any file a project leaves out), and that the check
    /// exempts no file.
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
        public void No_file_is_exempt_and_none_needs_to_be()
        {
            // Every C# file we wrote, not only those a project compiles: a file the build's check never sees (a
            // Compile Remove, a project that skips the target) fails here instead.
            var max = MaxLineLength();
            var check = XDocument.Load(Repository.PathOf("Directory.Build.targets")).Descendants("PlaidCheckLineLength").Single();
            var files = Directory.EnumerateFiles(Repository.Root, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
                .Where(file => !file.StartsWith("generated/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)
                    && !file.Contains("/bin/", StringComparison.Ordinal) && !file.StartsWith("artifacts/", StringComparison.Ordinal))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(check.Attributes().Select(a => a.Name.LocalName), Is.EquivalentTo(new[] { "Files", "RepositoryRoot" }), "the build's check takes no exemption list");
                Assert.That(files, Has.Some.StartsWith("src/Plaid.Partner/"));
                Assert.That(files.Where(file => HasLongLine(file, max)), Is.Empty, "wrap these lines");
            });
        }
    }
}
