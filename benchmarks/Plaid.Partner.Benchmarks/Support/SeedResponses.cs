namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>The example bodies of seed 002 (the newest partner reference), verbatim, with Plaid's 2-space indentation.</summary>
    internal static class SeedResponses
    {
        public const string GetResponse = """
            {
              "end_customer": {
                "client_id": "7f57eb3d2a9j6480121fx361",
                "company_name": "Plaid",
                "status": "ACTIVE"
              },
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string CreateResponse = """
            {
              "end_customer": {
                "client_id": "7f57eb3d2a9j6480121fx361",
                "company_name": "Plaid",
                "status": "ACTIVE",
                "secrets": {
                  "sandbox": "b60b5201d006ca5a7081d27c824d77",
                  "production": "79g03eoofwl8240v776r2h667442119"
                }
              },
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

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
