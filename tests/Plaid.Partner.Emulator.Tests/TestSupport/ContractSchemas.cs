using System.Threading.Tasks;
using NJsonSchema;
using Plaid.Partner.Emulator.Validation;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>The bundled contract's response schemas, to check the emulator's answers against it.</summary>
    internal static class ContractSchemas
    {
        /// <param name="path">A Plaid path.</param>
        /// <param name="response">"200", or "default" for the PlaidError.</param>
        public static async Task<JsonSchema> ResponseAsync(string path, string response = "200")
        {
            var contract = await BundledContract.GetAsync();
            return contract.Document.Paths[path]["post"].Responses[response].Content["application/json"].Schema.ActualSchema;
        }
    }
}
