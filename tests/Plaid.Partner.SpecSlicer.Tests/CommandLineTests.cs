using System.IO;
using NUnit.Framework;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class CommandLineTests
    {
        private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "repo"));

        [Test]
        public void Defaults_are_the_repository_files()
        {
            var commandLine = CommandLine.Parse(new[] { "plaid.yml" }, Root);

            Assert.Multiple(() =>
            {
                Assert.That(commandLine.Input, Is.EqualTo(Path.GetFullPath("plaid.yml")));
                Assert.That(commandLine.Output, Is.EqualTo(Path.Combine(Root, "openapi", "plaid-partner.yml")));
                Assert.That(commandLine.Overlay, Is.EqualTo(Path.Combine(Root, "openapi", "plaid-partner.overlay.yml")));
                Assert.That(commandLine.AcceptRemovedOperations, Is.False);
            });
        }

        [Test]
        public void Every_option_is_read()
        {
            var commandLine = CommandLine.Parse(new[] { "-o", "out.yml", "plaid.json", "--overlay", "o.yml", "--accept-removed-operations" }, Root);

            Assert.Multiple(() =>
            {
                Assert.That(commandLine.Input, Is.EqualTo(Path.GetFullPath("plaid.json")));
                Assert.That(commandLine.Output, Is.EqualTo(Path.GetFullPath("out.yml")));
                Assert.That(commandLine.Overlay, Is.EqualTo(Path.GetFullPath("o.yml")));
                Assert.That(commandLine.AcceptRemovedOperations, Is.True);
                Assert.That(CommandLine.Parse(new[] { "a.yml", "--no-overlay" }, Root).Overlay, Is.Null);
            });
        }

        [TestCase(new string[0], "input file")]
        [TestCase(new[] { "a.yml", "b.yml" }, "second one")]
        [TestCase(new[] { "a.yml", "-o" }, "'-o' needs a value")]
        [TestCase(new[] { "a.yml", "--frobnicate" }, "Unknown option '--frobnicate'")]
        public void Bad_arguments_say_what_is_wrong(string[] args, string message)
        {
            Assert.That(() => CommandLine.Parse(args, Root), Throws.ArgumentException.With.Message.Contains(message));
        }

        [Test]
        public void The_repository_root_is_found_from_a_sub_folder()
        {
            var start = TestContext.CurrentContext.TestDirectory;

            var root = CommandLine.FindRepositoryRoot(start);

            Assert.That(File.Exists(Path.Combine(root, "Plaid.Partner.sln")), Is.True, root);
        }
    }
}
