using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// tools/ship-public-api.sh, run on a scratch repository: it moves every project's Unshipped entries into Shipped
    /// (a *REMOVED* entry takes its member out of Shipped), leaves Unshipped with its header, and changes nothing when
    /// run again. The release step in the README's "Versioning" section depends on it.
    /// </summary>
    public class ShipPublicApiScriptTests
    {
        private const string Header = "#nullable enable";

        private string _root = null!;

        [SetUp]
        public void CreateScratchRepository()
        {
            _root = Path.Combine(Path.GetTempPath(), "plaid-ship-public-api-" + Guid.NewGuid().ToString("N"));
            Write("src/Library/PublicAPI.Shipped.txt", Header, "Library.Kept.get -> int", "Library.Old() -> void");
            Write("src/Library/PublicAPI.Unshipped.txt", Header, "Library.Added.get -> string!", "*REMOVED*Library.Old() -> void", string.Empty);
            Write("src/Fresh/PublicAPI.Unshipped.txt", Header, "Fresh.Thing", "Fresh.Another");
        }

        [TearDown]
        public void DeleteScratchRepository() => Directory.Delete(_root, recursive: true);

        [Test]
        public async Task It_moves_unshipped_entries_into_shipped_applies_removals_and_empties_unshipped()
        {
            var (exitCode, output) = await RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Zero, output);
                Assert.That(Lines("src/Library/PublicAPI.Shipped.txt"), Is.EqualTo(new[] { Header, "Library.Added.get -> string!", "Library.Kept.get -> int" }));
                Assert.That(Lines("src/Library/PublicAPI.Unshipped.txt"), Is.EqualTo(new[] { Header }));
                Assert.That(Lines("src/Fresh/PublicAPI.Shipped.txt"), Is.EqualTo(new[] { Header, "Fresh.Another", "Fresh.Thing" }), "created when missing, sorted");
                Assert.That(Lines("src/Fresh/PublicAPI.Unshipped.txt"), Is.EqualTo(new[] { Header }));
                Assert.That(output, Does.Contain("Library: shipped 1 entries, removed 1"));
            });
        }

        [Test]
        public async Task Running_it_twice_changes_nothing_the_second_time()
        {
            await RunAsync();
            var once = Snapshot();

            var (exitCode, _) = await RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Zero);
                Assert.That(Snapshot(), Is.EqualTo(once));
            });
        }

        [Test]
        public async Task A_removal_of_what_was_never_shipped_is_refused_and_no_file_changes()
        {
            Write("src/Fresh/PublicAPI.Unshipped.txt", Header, "Fresh.Thing", "*REMOVED*Fresh.Never");
            var before = Snapshot();

            var (exitCode, output) = await RunAsync();

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(output, Does.Contain("Fresh").And.Contain("Fresh.Never"));
                Assert.That(Snapshot(), Is.EqualTo(before), "checked before anything is written");
            });
        }

        [Test]
        public void Every_project_of_this_repository_that_tracks_its_api_has_both_files()
        {
            var tracked = Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
                .Where(p => File.ReadAllText(p).Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", StringComparison.Ordinal))
                .Select(Path.GetDirectoryName)
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(tracked.Select(Path.GetFileName), Is.SupersetOf(new[] { "Plaid.Partner", "Plaid.Partner.AspNetCore", "Plaid.Partner.Testing", "Plaid.Partner.Emulator" }));
                foreach (var folder in tracked)
                {
                    Assert.That(File.Exists(Path.Combine(folder!, "PublicAPI.Shipped.txt")) && File.Exists(Path.Combine(folder!, "PublicAPI.Unshipped.txt")), Is.True, folder);
                }
            });
        }

        private void Write(string relativePath, params string[] lines)
        {
            var path = Path.Combine(_root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }

        private string[] Lines(string relativePath) => File.ReadAllLines(Path.Combine(_root, relativePath));

        private string Snapshot() => string.Join(
            "\n---\n",
            Directory.GetFiles(_root, "*.txt", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Select(p => p + "\n" + File.ReadAllText(p)));

        private async Task<(int ExitCode, string Output)> RunAsync()
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Repository.PathOf("tools/ship-public-api.sh"));
            start.ArgumentList.Add(_root);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
