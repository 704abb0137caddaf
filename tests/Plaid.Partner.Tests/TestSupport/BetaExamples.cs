namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// The example requests and responses of Plaid's published OpenAPI file for the four beta onboarding operations
    /// (Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update, /enable), written out from the
    /// project's facts sheet. Plaid's examples are independent of each other: the ids, products and statuses do not
    /// describe one end customer's story.
    /// </summary>
    internal static class BetaExamples
    {
        public const string CreateRequest = """
            {
              "company_name": "Plaid",
              "products": ["auth", "identity"],
              "create_link_customization": true,
              "legal_entity_name": "Plaid",
              "website": "plaid.com",
              "application_name": "Plaid",
              "technical_contact": { "given_name": "Alice", "family_name": "Smith", "email": "alice.smith@example.com" },
              "billing_contact": { "given_name": "Bob", "family_name": "Jones", "email": "bob.jones@example.com" },
              "address": { "city": "New York", "street": "123 Main St", "region": "NY", "postal_code": "12345", "country_code": "US" },
              "customer_support_info": { "email": "support@example.com", "phone_number": "1234567890", "contact_url": "example.com/contact", "link_update_url": "example.com/update" },
              "redirect_uris": ["http://localhost/oauth.html", "https://www.example.com/oauth.html"]
            }
            """;

        public const string CreateResponse = """
            {
              "end_customer": {
                "client_id": "7f57eb3d2a9j6480121fx361",
                "company_name": "Plaid",
                "status": "MORE_INFORMATION_NEEDED",
                "product_statuses": { "cra_base_report": "MORE_INFORMATION_NEEDED" },
                "requirements_due": ["is_diligence_attested", "bank_addendum_acceptance", "questionnaires.cra"],
                "secrets": { "sandbox": "b60b5201d006ca5a7081d27c824d77", "production": "79g03eoofwl8240v776r2h667442119" }
              },
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string GetRequest = """
            { "end_customer_client_id": "634758733ebb4f00134b85ea" }
            """;

        public const string GetResponse = """
            {
              "end_customer": {
                "client_id": "634758733ebb4f00134b85ea",
                "company_name": "Plaid",
                "status": "MORE_INFORMATION_NEEDED",
                "product_statuses": { "cra_base_report": "MORE_INFORMATION_NEEDED" },
                "requirements_due": ["is_diligence_attested", "bank_addendum_acceptance", "questionnaires.cra"]
              },
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string UpdateRequest = """
            {
              "end_customer_client_id": "634758733ebb4f00134b85ea",
              "bank_addendum_acceptance": { "customer_accepted": true, "customer_agreement_timestamp": "2025-01-01T01:00:00Z", "customer_ip_address": "127.0.0.1" },
              "questionnaires": {
                "cra": {
                  "is_technical_service_provider_involved": true,
                  "is_third_party_involved": true,
                  "purposes": { "WRITTEN_INSTRUCTION": { "use_cases": ["CREDIT_UNDERWRITING", "TENANT_SCREENING"] } }
                }
              }
            }
            """;

        public const string UpdateResponse = """
            {
              "end_customer": {
                "client_id": "634758733ebb4f00134b85ea",
                "company_name": "Plaid",
                "status": "PENDING_ENABLEMENT",
                "product_statuses": { "cra_base_report": "PENDING_ENABLEMENT" }
              },
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;

        public const string EnableRequest = """
            { "end_customer_client_id": "634758733ebb4f00134b85ea", "products": ["auth"] }
            """;

        public const string EnableResponse = """
            {
              "end_customer_client_id": "634758733ebb4f00134b85ea",
              "status": "ACTIVE",
              "product_statuses": { "auth": "ACTIVE", "cra_base_report": "PENDING_ENABLEMENT" },
              "production_secret": "79g03eoofwl8240v776r2h667442119",
              "request_id": "4zlKapIkTm8p5KM"
            }
            """;
    }
}
