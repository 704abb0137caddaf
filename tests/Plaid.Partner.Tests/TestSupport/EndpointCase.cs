using System;
using System.Threading.Tasks;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>One facade operation: its Plaid path, its request schema, and how to call it.</summary>
    public sealed class EndpointCase
    {
        private EndpointCase(string path, string requestSchema, string seedResponse, Func<PlaidPartnerClient, Task<object>> call, bool productionOnly = false)
        {
            Path = path;
            RequestSchema = requestSchema;
            SeedResponse = seedResponse;
            Call = call;
            ProductionOnly = productionOnly;
        }

        public string Path { get; }

        public string RequestSchema { get; }

        public string SeedResponse { get; }

        public Func<PlaidPartnerClient, Task<object>> Call { get; }

        /// <summary>Refused before sending unless the client is configured for Production.</summary>
        public bool ProductionOnly { get; }

        /// <summary>Every operation that can be called in Sandbox (the production-only ones are tested apart).</summary>
        public static EndpointCase[] SandboxCallable { get; } =
        {
            new(PlaidOperations.GetPath, "PartnerCustomerGetRequest", PlaidExampleResponses.GetResponse, async c => await c.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidOperations.OAuthInstitutionsGetPath, "PartnerCustomerOAuthInstitutionsGetRequest", PlaidExampleResponses.OAuthInstitutionsGetResponse,
                async c => await c.GetEndCustomerOAuthInstitutionsAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidOperations.EnablePath, "PartnerCustomerEnableRequest", PlaidExampleResponses.EnableResponse, async c => await c.EnableEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidOperations.RemovePath, "PartnerCustomerRemoveRequest", PlaidExampleResponses.RemoveResponse, async c => await c.RemoveEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidOperations.WebhookVerificationKeyGetPath, "WebhookVerificationKeyGetRequest", PlaidExampleResponses.WebhookVerificationKeyGetResponse,
                async c => await c.GetWebhookVerificationKeyAsync("bfbd5111-8e33-4643-8ced-b2e642a72f3c")),
            new(PlaidOperations.BetaGetPath, "BetaPartnerCustomerV1GetRequest", BetaExamples.GetResponse, async c => await c.Beta.GetEndCustomerAsync(Requests.BetaEndCustomerClientId)),
        };

        /// <summary>The production-only endpoints: the creations, GA and beta, and the beta calls that change an end customer.</summary>
        public static EndpointCase[] ProductionOnlyCalls { get; } =
        {
            new(PlaidOperations.CreatePath, "PartnerCustomerCreateRequest", PlaidExampleResponses.CreateResponse, async c => await c.CreateEndCustomerAsync(Requests.Create()),
                productionOnly: true),
            new(PlaidOperations.BetaCreatePath, "BetaPartnerCustomerV1CreateRequest", BetaExamples.CreateResponse, async c => await c.Beta.CreateEndCustomerAsync(Requests.BetaCreate()),
                productionOnly: true),
            new(PlaidOperations.BetaUpdatePath, "BetaPartnerCustomerV1UpdateRequest", BetaExamples.UpdateResponse, async c => await c.Beta.UpdateEndCustomerAsync(Requests.BetaUpdate()),
                productionOnly: true),
            new(PlaidOperations.BetaEnablePath, "BetaPartnerCustomerV1EnableRequest", BetaExamples.EnableResponse, async c => await c.Beta.EnableEndCustomerAsync(Requests.BetaEnable()),
                productionOnly: true),
        };

        /// <summary>Every operation, with the production-only ones as they are called in Production.</summary>
        public static EndpointCase[] All { get; } = Append(SandboxCallable, ProductionOnlyCalls);

        public override string ToString() => Path;

        private static EndpointCase[] Append(EndpointCase[] cases, EndpointCase[] extra) => [.. cases, .. extra];
    }
}
