using System;
using System.Threading;
using System.Threading.Tasks;
using NSwag;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>openapi/plaid-partner.yml, read once with NSwag's own parser (copied next to the tests at build).</summary>
    internal static class BundledSpec
    {
        private static readonly Lazy<Task<OpenApiDocument>> Document = new(
            () => OpenApiYamlDocument.FromFileAsync(Path),
            LazyThreadSafetyMode.ExecutionAndPublication);

        public static string Path => System.IO.Path.Combine(TestContextDirectory, "Contract", "plaid-partner.yml");

        public static Task<OpenApiDocument> LoadAsync() => Document.Value;

        private static string TestContextDirectory => AppContext.BaseDirectory;
    }
}
