namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>Plaid's example responses (Plaid API docs, Partner), verbatim.</summary>
    internal static class PlaidExampleResponses
    {
        /// <summary>The end customer's client_id in the create and get examples.</summary>
        public const string EndCustomerClientId = "7f57eb3d2a9j6480121fx361";

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

        public const string OAuthInstitutionsGetResponse = """
            {
              "flowdown_status": "COMPLETE",
              "questionnaire_status": "COMPLETE",
              "institutions": [
                {
                  "name": "Chase",
                  "institution_id": "ins_56",
                  "environments": {
                    "production": "PROCESSING"
                  },
                  "production_enablement_date": null,
                  "classic_disablement_date": "2022-06-30"
                },
                {
                  "name": "Capital One",
                  "institution_id": "ins_128026",
                  "environments": {
                    "production": "ENABLED"
                  },
                  "production_enablement_date": "2022-12-19",
                  "classic_disablement_date": null
                },
                {
                  "name": "Bank of America",
                  "institution_id": "ins_1",
                  "environments": {
                    "production": "ATTENTION_REQUIRED"
                  },
                  "production_enablement_date": null,
                  "classic_disablement_date": null,
                  "errors": [
                    {
                      "error_type": "PARTNER_ERROR",
                      "error_code": "OAUTH_REGISTRATION_ERROR",
                      "error_message": "Application logo is required",
                      "display_message": null,
                      "request_id": "4zlKapIkTm8p5KM"
                    }
                  ]
                }
              ],
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string EnableResponse = """
            {
              "production_secret": "79g03eoofwl8240v776r2h667442119",
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string RemoveResponse = """
            {
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        /// <summary>Plaid API docs, Webhooks › Webhook verification.</summary>
        public const string WebhookVerificationKeyGetResponse = """
            {
              "key": {
                "alg": "ES256",
                "created_at": 1560466150,
                "crv": "P-256",
                "expired_at": null,
                "kid": "bfbd5111-8e33-4643-8ced-b2e642a72f3c",
                "kty": "EC",
                "use": "sig",
                "x": "hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ",
                "y": "shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys"
              },
              "request_id": "RZ6Omi1bzzwDaLo"
            }
            """;
    }
}
