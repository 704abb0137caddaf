using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// Text users read cites Plaid's documentation by page ("Plaid API docs, Webhooks › Webhook verification"), never
    /// the project's private names for its source documents ("seed 002") or its benchmark ids ("P1"): users cannot
    /// open either. Everything that ships or that users run is read: src/ (SourceLink ships the sources, comments
    /// included), samples/, openapi/, generated/, tools/, .ci/, the README and build.ps1. benchmarks/ is read for seed
    /// numbers only: the benchmark ids are its own headings. Tests are not shipped.
    /// </summary>
    public class ShippedTextTests
    {
        private static readonly string[] ShippedFolders = { "src", "samples", "openapi", "generated", "tools", ".ci" };

        private static readonly string[] ShippedRootFiles = { "README.md", "build.ps1" };

        // Users run the benchmarks and read their README, which is where the benchmark ids are defined.
        private const string BenchmarksFolder = "benchmarks";

        private static readonly string[] BuildOutputFolders = { "bin", "obj" };

        // "seed" then a number, however joined ("seed 002", "Seed002", "seed-2"); a benchmark id is P1 to P9 as a word.
        private static readonly Regex SeedNumber = new(@"seed[\s_-]*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex BenchmarkId = new(@"\bP[1-9]\b", RegexOptions.CultureInvariant);

        [TestCase("the body of seed 002", true)]
        [TestCase("Seed002's example", true)]
        [TestCase("(seed-2)", true)]
        [TestCase("SEED 4", true)]
        [TestCase("measured in P1", true)]
        [TestCase("(benchmarks/README.md, P9)", true)]
        [TestCase("Plaid API docs, Webhooks › Webhook verification", false)]
        [TestCase("a random seed for the key", false)]
        [TestCase("P10, HTTP1, SHA256, p1", false)]
        public void The_rule_catches_seed_numbers_and_benchmark_ids(string line, bool caught)
        {
            Assert.That(SeedOrBenchmarkId(line).Any(), Is.EqualTo(caught));
        }

        [Test]
        public void No_shipped_file_names_a_seed_or_a_benchmark_id()
        {
            var files = ShippedFiles().ToList();
            var benchmarkFiles = FilesUnder(BenchmarksFolder).ToList();
            var findings = files.SelectMany(file => FindingsIn(file, SeedOrBenchmarkId))
                .Concat(benchmarkFiles.SelectMany(file => FindingsIn(file, SeedOnly)))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(files, Has.Count.GreaterThan(100), $"the shipped files were not found under {Repository.Root}");
                Assert.That(files, Does.Contain("README.md").And.Contain("generated/PlaidPartnerApi.g.cs"));
                Assert.That(benchmarkFiles, Does.Contain("benchmarks/README.md"));
                Assert.That(findings, Is.Empty, "cite Plaid's docs by page instead (e.g. \"Plaid API docs, Errors › Partner errors\")");
            });
        }

        private static IEnumerable<string> ShippedFiles()
        {
            foreach (var file in ShippedFolders.SelectMany(FilesUnder))
            {
                yield return file;
            }

            foreach (var file in ShippedRootFiles.Where(f => File.Exists(Repository.PathOf(f))))
            {
                yield return file;
            }
        }

        /// <summary>The text files under <paramref name="folder"/>, build output left out, as paths relative to the repository.</summary>
        private static IEnumerable<string> FilesUnder(string folder)
        {
            var root = Repository.PathOf(folder);
            if (!Directory.Exists(root))
            {
                yield break;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
                if (!relative.Split('/').Any(segment => BuildOutputFolders.Contains(segment, StringComparer.Ordinal)) && IsText(file))
                {
                    yield return relative;
                }
            }
        }

        private static IEnumerable<string> FindingsIn(string relativePath, Func<string, IEnumerable<string>> rule) =>
            File.ReadLines(Repository.PathOf(relativePath), Encoding.UTF8)
                .SelectMany((line, index) => rule(line).Select(found => $"{relativePath}:{index + 1}: \"{found}\" in {line.Trim()}"));

        private static IEnumerable<string> SeedOrBenchmarkId(string line) =>
            SeedNumber.Matches(line).Concat(BenchmarkId.Matches(line)).Select(m => m.Value);

        private static IEnumerable<string> SeedOnly(string line) => SeedNumber.Matches(line).Select(m => m.Value);

        private static bool IsText(string path)
        {
            var head = new byte[4096];
            using var stream = File.OpenRead(path);
            var read = stream.Read(head, 0, head.Length);
            return Array.IndexOf(head, (byte)0, 0, read) < 0;
        }
    }
}
