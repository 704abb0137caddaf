using System;
using System.Threading.Tasks;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>One facade operation: its Plaid path, its request schema, and how to call it.</summary>
    public sealed class EndpointCase
    {
        private EndpointCase(string path, string requestSchema, string seedResponse, Func<PlaidPartnerClient, Task<object>> call)
        {
            Path = path;
            RequestSchema = requestSchema;
            SeedResponse = seedResponse;
            Call = call;
        }

        public string Path { get; }

        public string RequestSchema { get; }

        public string SeedResponse { get; }

        public Func<PlaidPartnerClient, Task<object>> Call { get; }

        /// <summary>Every operation that can be called in Sandbox (create is production-only and is tested apart).</summary>
        public static EndpointCase[] SandboxCallable { get; } =
        {
            new(PlaidPartnerClient.GetPath, "PartnerCustomerGetRequest", SeedExamples.GetResponse, async c => await c.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidPartnerClient.OAuthInstitutionsGetPath, "PartnerCustomerOAuthInstitutionsGetRequest", SeedExamples.OAuthInstitutionsGetResponse, async c => await c.GetEndCustomerOAuthInstitutionsAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidPartnerClient.EnablePath, "PartnerCustomerEnableRequest", SeedExamples.EnableResponse, async c => await c.EnableEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidPartnerClient.RemovePath, "PartnerCustomerRemoveRequest", SeedExamples.RemoveResponse, async c => await c.RemoveEndCustomerAsync("7f57eb3d2a9j6480121fx361")),
            new(PlaidPartnerClient.WebhookVerificationKeyGetPath, "WebhookVerificationKeyGetRequest", SeedExamples.WebhookVerificationKeyGetResponse, async c => await c.GetWebhookVerificationKeyAsync("bfbd5111-8e33-4643-8ced-b2e642a72f3c")),
        };

        /// <summary>Every operation, with create as it is called in Production.</summary>
        public static EndpointCase[] All { get; } = Append(SandboxCallable, new EndpointCase(PlaidPartnerClient.CreatePath, "PartnerCustomerCreateRequest", SeedExamples.CreateResponse, async c => await c.CreateEndCustomerAsync(Requests.Create())));

        public override string ToString() => Path;

        private static EndpointCase[] Append(EndpointCase[] cases, EndpointCase extra)
        {
            var all = new EndpointCase[cases.Length + 1];
            cases.CopyTo(all, 0);
            all[^1] = extra;
            return all;
        }
    }
}
