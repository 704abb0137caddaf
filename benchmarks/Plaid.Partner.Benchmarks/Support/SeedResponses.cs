namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>The example bodies of seed 002 (the newest partner reference), verbatim, with Plaid's 2-space indentation.</summary>
    internal static class SeedResponses
    {
        // The seed 002 example responses are the tests' own copy (linked into this project), so they exist once.
        public const string GetResponse = Plaid.Partner.Tests.TestSupport.SeedExamples.GetResponse;

        public const string CreateResponse = Plaid.Partner.Tests.TestSupport.SeedExamples.CreateResponse;

        public const string OAuthStatusUpdatedWebhook = """
            {
              "webhook_type": "PARTNER",
              "webhook_code": "END_CUSTOMER_OAUTH_STATUS_UPDATED",
              "end_customer_client_id": "634758733ebb4f00134b85ea",
              "environment": "production",
              "institution_id": "ins_127989",
              "institution_name": "Bank of America",
              "status": "attention-required"
            }
            """;

        public const string EndCustomerClientId = "7f57eb3d2a9j6480121fx361";
    }
}
