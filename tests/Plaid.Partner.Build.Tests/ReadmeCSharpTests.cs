using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests
{
    /// <summary>
    /// .ci/compile-readme-csharp.sh, which the consumption test runs on the packed packages, turns every C# block of the
    /// README files into one project. Its extraction is checked here without packing or compiling (--generate-only):
    /// on README files made for each rule, and on the repository's own, so a misplaced comment fails here first.
    /// </summary>
    public class ReadmeCSharpTests
    {
        private const string Script = ".ci/compile-readme-csharp.sh";

        private string _root = null!;

        [SetUp]
        public void CreateRoot() => _root = Directory.CreateTempSubdirectory("plaid-readme-csharp-").FullName;

        [TearDown]
        public void DeleteRoot() => Directory.Delete(_root, recursive: true);

        [Test]
        public void Every_csharp_block_of_every_README_and_PACKAGE_md_in_the_repository_becomes_a_file()
        {
            var fences = Directory.EnumerateFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) is "README.md" or "PACKAGE.md")
                .Where(f => !Regex.IsMatch(Path.GetRelativePath(Repository.Root, f), @"(^|/)(bin|obj|artifacts|TestResults|node_modules)/"))
                .Sum(f => File.ReadLines(f).Count(l => Regex.IsMatch(l, @"^\s*```(csharp|cs|c#)\s*$")));

            var run = Generate(Repository.Root);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.Output);
                Assert.That(fences, Is.GreaterThan(10), "the READMEs have C# blocks");
                Assert.That(run.Blocks, Has.Length.EqualTo(fences), run.Output);
            });
        }

        [Test]
        public void A_blocks_usings_stay_at_the_top_of_its_file_and_its_statements_become_a_method_body()
        {
            Write("README.md", "Intro", "", "```csharp", "using Plaid.Partner;", "", "var client = Make();", "await client.GoAsync();", "```");

            var block = Generate(_root).Blocks.Single();

            Assert.Multiple(() =>
            {
                Assert.That(block.IndexOf("using Plaid.Partner;", StringComparison.Ordinal), Is.LessThan(block.IndexOf("namespace ", StringComparison.Ordinal)));
                Assert.That(Regex.Matches(block, "using Plaid.Partner;"), Has.Count.EqualTo(1), "not repeated in the method");
                Assert.That(block, Does.Match(@"RunAsync\(string\[\] args\)\s*\{[^}]*var client = Make\(\);\s*await client.GoAsync\(\);"));
                Assert.That(block, Does.Contain($"#line 4 \"{_root}/README.md\"\n\n\nvar client = Make();"), "errors point at the README's lines (a blank line where the using was)");
            });
        }

        [Test]
        public void Types_declared_after_the_statements_stay_beside_the_method_in_the_blocks_namespace()
        {
            Write("README.md", "```csharp", "app.Map(\"/x\");", "", "sealed class Handler(ILogger<Handler> log) : IHandler", "{", "}", "```");

            var block = Generate(_root).Blocks.Single();
            var method = block.IndexOf("RunAsync", StringComparison.Ordinal);
            var type = block.IndexOf("sealed class Handler", StringComparison.Ordinal);

            Assert.Multiple(() =>
            {
                Assert.That(type, Is.GreaterThan(block.IndexOf("await System.Threading.Tasks.Task.CompletedTask;", StringComparison.Ordinal)), "after the method's end");
                Assert.That(block, Does.Contain("namespace ReadmeCSharp.Block001"));
                Assert.That(method, Is.GreaterThan(0));
            });
        }

        [Test]
        public void A_readme_csharp_comment_puts_its_code_before_the_block_and_its_packages_in_the_project()
        {
            Write(
                "README.md",
                "<!-- readme-csharp",
                "packages: OpenTelemetry.Extensions.Hosting Some.Package@1.2.3",
                "using Setup.Namespace;",
                "var builder = WebApplication.CreateBuilder(args);",
                "-->",
                "```csharp",
                "builder.Services.AddThing();",
                "```");

            var run = Generate(_root);
            var block = run.Blocks.Single();
            var project = File.ReadAllText(Path.Combine(run.Project, "ReadmeCSharp.csproj"));
            var propsVersion = Regex.Match(Repository.Read("Directory.Packages.props"), "Include=\"OpenTelemetry.Extensions.Hosting\" Version=\"([^\"]+)\"").Groups[1].Value;

            Assert.Multiple(() =>
            {
                Assert.That(block.IndexOf("using Setup.Namespace;", StringComparison.Ordinal), Is.LessThan(block.IndexOf("namespace ", StringComparison.Ordinal)));
                Assert.That(block.IndexOf("var builder", StringComparison.Ordinal), Is.LessThan(block.IndexOf("builder.Services.AddThing();", StringComparison.Ordinal)));
                Assert.That(block, Does.Not.Contain("packages:"));
                Assert.That(project, Does.Contain("<PackageReference Include=\"Some.Package\" Version=\"1.2.3\" />"));
                Assert.That(project, Does.Contain($"<PackageReference Include=\"OpenTelemetry.Extensions.Hosting\" Version=\"{propsVersion}\" />"), "the version Directory.Packages.props has");
            });
        }

        [Test]
        public void Blocks_of_a_package_added_later_and_fences_indented_in_a_list_are_found_and_other_languages_are_not()
        {
            Write("src/Some.New.Package/README.md", "```cs", "var a = 1;", "```", "", "1. Step:", "", "   ```c#", "   var b = 2;", "   ```");
            Write("samples/Other/README.md", "```sh", "dotnet run", "```", "```json", "{}", "```");

            var run = Generate(_root);

            Assert.Multiple(() =>
            {
                Assert.That(run.Blocks, Has.Length.EqualTo(2));
                Assert.That(run.Blocks.Last(), Does.Contain("\nvar b = 2;\n"), "the list's indentation is removed");
            });
        }

        [TestCase("a sh block", "<!-- readme-csharp", "var x = 1;", "-->", "```sh", "ls", "```")]
        [TestCase("text in between", "<!-- readme-csharp -->", "Some words.", "```csharp", "var x = 1;", "```")]
        [TestCase("nothing", "<!-- readme-csharp -->")]
        [TestCase("an unclosed block", "```csharp", "var x = 1;")]
        public void A_readme_csharp_comment_that_no_csharp_block_follows_or_an_unclosed_block_fails_naming_the_file(string what, params string[] lines)
        {
            Write("README.md", lines);

            var run = Generate(_root);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.Not.Zero, what);
                Assert.That(run.Output, Does.Contain("README.md").And.Contain("readme-csharp:"));
            });
        }

        private void Write(string relativePath, params string[] lines)
        {
            var path = Path.Combine(_root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }

        private Run Generate(string root)
        {
            var feed = Directory.CreateDirectory(Path.Combine(_root, ".feed")).FullName;
            var work = Path.Combine(_root, ".work");
            var start = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Repository.Root,
            };
            foreach (var argument in new[] { Repository.PathOf(Script), "--generate-only", "--root", root, feed, work })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var project = Path.Combine(work, "ReadmeCSharp");
            var blocks = Directory.Exists(Path.Combine(project, "blocks"))
                ? Directory.GetFiles(Path.Combine(project, "blocks"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()
                : Array.Empty<string>();
            return new Run(process.ExitCode, stdout.Result + stderr, project, blocks);
        }

        private sealed record Run(int ExitCode, string Output, string Project, string[] Blocks);
    }
}
