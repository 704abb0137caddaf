using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NSwag;

namespace Plaid.Partner.Emulator.Validation
{
    /// <summary>
    /// openapi/plaid-partner.yml, embedded at build and read once per process with NSwag's own OpenAPI reader: the
    /// request schema of every operation, by path.
    /// </summary>
    internal sealed class BundledContract
    {
        private const string ResourceName = "Plaid.Partner.Emulator.plaid-partner.yml";

        private static readonly Lazy<Task<BundledContract>> Instance = new(LoadAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private BundledContract(OpenApiDocument document, IReadOnlyDictionary<string, JsonSchema> requestSchemas)
        {
            Document = document;
            RequestSchemas = requestSchemas;
        }

        public OpenApiDocument Document { get; }

        /// <summary>The request body schema of each POST operation, keyed by path (e.g. <c>/partner/customer/get</c>).</summary>
        public IReadOnlyDictionary<string, JsonSchema> RequestSchemas { get; }

        public static Task<BundledContract> GetAsync() => Instance.Value;

        private static async Task<BundledContract> LoadAsync()
        {
            var assembly = typeof(BundledContract).Assembly;
            using var stream = assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The bundled contract resource '{ResourceName}' is missing from {assembly.GetName().Name}; the project must embed openapi/plaid-partner.yml.");
            using var reader = new StreamReader(stream);
            var yaml = await reader.ReadToEndAsync().ConfigureAwait(false);
            var document = await OpenApiYamlDocument.FromYamlAsync(yaml).ConfigureAwait(false);

            var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
            foreach (var (path, item) in document.Paths)
            {
                if (item.TryGetValue("post", out var operation) && operation.RequestBody?.Content.TryGetValue("application/json", out var media) == true && media.Schema is not null)
                {
                    schemas[path] = media.Schema.ActualSchema;
                }
            }

            return new BundledContract(document, schemas);
        }
    }
}
