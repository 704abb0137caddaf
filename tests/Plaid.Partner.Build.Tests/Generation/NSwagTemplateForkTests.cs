using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NUnit.Framework;
using Plaid.Partner.Build.Tests.TestSupport;

namespace Plaid.Partner.Build.Tests.Generation
{
    /// <summary>
    /// openapi/templates/ holds forks of NSwag's templates and openapi/templates/stock/ the stock template each fork was
    /// made from. The stock copies must be the templates of the NSwag.MSBuild version Directory.Packages.props pins, read
    /// from that package's assemblies in the NuGet cache: after an upgrade these fail until the fork is re-based
    /// (openapi/README.md, Templates).
    /// </summary>
    public class NSwagTemplateForkTests
    {
        private static readonly string Templates = Repository.PathOf(Path.Combine("openapi", "templates"));

        private static IEnumerable<string> StockTemplates() =>
            Directory.GetFiles(Path.Combine(Templates, "stock"), "*.liquid").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

        [Test]
        public void Every_fork_keeps_the_stock_template_it_was_made_from()
        {
            var forks = Directory.GetFiles(Templates, "*.liquid").Select(Path.GetFileName);

            Assert.That(forks, Is.EquivalentTo(StockTemplates()));
        }

        [TestCaseSource(nameof(StockTemplates))]
        public void The_stock_copy_is_the_pinned_NSwag_MSBuild_template(string name)
        {
            var version = PinnedNSwagVersion();
            var shipped = ShippedTemplates(version);

            Assert.That(shipped.Keys, Does.Contain(name), $"NSwag.MSBuild {version} ships no template {name}");
            var stock = Normalize(File.ReadAllBytes(Path.Combine(Templates, "stock", name)));
            var pinned = Normalize(shipped[name]);
            if (stock != pinned)
            {
                // Hand the new stock template over, so re-basing the fork starts from a diff.
                var written = Path.Combine(TestContext.CurrentContext.WorkDirectory, "nswag-stock-templates", version, name);
                Directory.CreateDirectory(Path.GetDirectoryName(written)!);
                File.WriteAllText(written, pinned);
                Assert.Fail(
                    $"openapi/templates/stock/{name} is not NSwag.MSBuild {version}'s template, which is now in {written}. Copy it to openapi/templates/stock/, " +
                    $"re-apply the PLAID: changes of openapi/templates/{name} to it, and build to regenerate generated/ (openapi/README.md, Templates).");
            }
        }

        private static string PinnedNSwagVersion() =>
            XDocument.Load(Repository.PathOf("Directory.Packages.props"))
                .Descendants("PackageVersion")
                .Single(p => (string?)p.Attribute("Include") == "NSwag.MSBuild")
                .Attribute("Version")!.Value;

        /// <summary>The C# templates embedded in the code generators nswag.json runs (its "runtime" folder of the package).</summary>
        private static Dictionary<string, byte[]> ShippedTemplates(string version)
        {
            using var settings = JsonDocument.Parse(Repository.Read("nswag.json"));
            var runtime = settings.RootElement.GetProperty("runtime").GetString()!;
            var tools = Path.Combine(NuGetPackageRoot(), "nswag.msbuild", version, "tools", runtime);
            Assert.That(Directory.Exists(tools), Is.True, $"NSwag.MSBuild {version} is not in the NuGet cache at {tools}; restore the solution first");

            var templates = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var assembly in new[] { "NSwag.CodeGeneration.CSharp.dll", "NJsonSchema.CodeGeneration.CSharp.dll" })
            {
                foreach (var (resource, bytes) in ManifestResources.Read(Path.Combine(tools, assembly)))
                {
                    var at = resource.IndexOf(".Templates.", StringComparison.Ordinal);
                    if (at >= 0 && resource.EndsWith(".liquid", StringComparison.Ordinal))
                    {
                        templates[resource[(at + ".Templates.".Length)..]] = bytes;
                    }
                }
            }

            return templates;
        }

        private static string NuGetPackageRoot()
        {
            var root = typeof(NSwagTemplateForkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
            return !string.IsNullOrEmpty(root)
                ? root
                : Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        // The package's templates have CRLF line ends and some a byte order mark; stock/ keeps them as LF without one.
        private static string Normalize(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
