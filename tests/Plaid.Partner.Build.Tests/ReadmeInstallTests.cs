using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// README.md's "Install" is what .ci/consume-packages.sh runs: the script reads each block marked
    /// <c>&lt;!-- .ci/consume-packages.sh: NAME --&gt;</c> and runs it as written, so the two cannot drift apart.
    /// Here: the marks and the script agree, and the pack block packs every package the repository has.
    /// </summary>
    public class ReadmeInstallTests
    {
        private static readonly string[] Blocks = { "pack", "install-packages", "install-tool" };

        private static string[] BlockAfter(string name)
        {
            var lines = Repository.Read("README.md").Split('\n');
            var mark = Array.IndexOf(lines, $"<!-- .ci/consume-packages.sh: {name} -->");
            if (mark < 0 || !lines[mark + 1].StartsWith("```sh", StringComparison.Ordinal))
            {
                return Array.Empty<string>();
            }

            return lines.Skip(mark + 2).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToArray();
        }

        [TestCaseSource(nameof(Blocks))]
        public void The_README_marks_the_block_and_the_consumption_test_runs_it(string name)
        {
            var script = Repository.Read(".ci/consume-packages.sh");

            Assert.Multiple(() =>
            {
                Assert.That(BlockAfter(name), Is.Not.Empty, $"a ```sh block right after <!-- .ci/consume-packages.sh: {name} -->");
                Assert.That(script, Does.Match($@"\nrun_readme_block {Regex.Escape(name)} "), "run by the script");
            });
        }

        [Test]
        public void The_pack_block_packs_every_package_under_src_into_the_folder_the_other_blocks_install_from()
        {
            var packable = Directory.GetDirectories(Repository.PathOf("src"))
                .Where(d => File.Exists(Path.Combine(d, "PACKAGE.md")))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .ToArray();
            var packed = BlockAfter("pack")
                .Select(l => Regex.Match(l, @"^dotnet pack src/(\S+) -c Release -o ~/plaid-packages$"))
                .Select(m => m.Success ? m.Groups[1].Value : "(not a pack line)")
                .Order(StringComparer.Ordinal)
                .ToArray();

            Assert.Multiple(() =>
            {
                Assert.That(packed, Is.EqualTo(packable), "one `dotnet pack src/<project> -c Release -o ~/plaid-packages` per package (a project with a PACKAGE.md)");
                Assert.That(string.Join("\n", BlockAfter("install-packages")), Does.Contain("dotnet nuget add source ~/plaid-packages"));
                Assert.That(BlockAfter("install-tool"), Has.All.Contain("--add-source ~/plaid-packages"));
            });
        }

        [Test]
        public void The_consumption_test_compiles_the_readmes_csharp_blocks_against_what_it_packed()
        {
            Assert.That(Repository.Read(".ci/consume-packages.sh"), Does.Contain("bash \"$repo/.ci/compile-readme-csharp.sh\" \"$feed\""));
        }
    }
}
