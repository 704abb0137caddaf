using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// What the emulator's Sandbox answers to the beta onboarding operations: the example responses of Plaid's OpenAPI
    /// file (Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update, /enable) without their
    /// <c>request_id</c>, whatever the request. Nothing is stored, as for GA create in Sandbox.
    /// </summary>
    internal static class BetaSandboxSamples
    {
        public static JObject Create() => JObject.Parse("""
            {
              "end_customer": {
                "client_id": "7f57eb3d2a9j6480121fx361",
                "company_name": "Plaid",
                "status": "MORE_INFORMATION_NEEDED",
                "product_statuses": { "cra_base_report": "MORE_INFORMATION_NEEDED" },
                "requirements_due": ["is_diligence_attested", "bank_addendum_acceptance", "questionnaires.cra"],
                "secrets": { "sandbox": "b60b5201d006ca5a7081d27c824d77", "production": "79g03eoofwl8240v776r2h667442119" }
              }
            }
            """);

        public static JObject Get() => JObject.Parse("""
            {
              "end_customer": {
                "client_id": "634758733ebb4f00134b85ea",
                "company_name": "Plaid",
                "status": "MORE_INFORMATION_NEEDED",
                "product_statuses": { "cra_base_report": "MORE_INFORMATION_NEEDED" },
                "requirements_due": ["is_diligence_attested", "bank_addendum_acceptance", "questionnaires.cra"]
              }
            }
            """);

        public static JObject Update() => JObject.Parse("""
            {
              "end_customer": {
                "client_id": "634758733ebb4f00134b85ea",
                "company_name": "Plaid",
                "status": "PENDING_ENABLEMENT",
                "product_statuses": { "cra_base_report": "PENDING_ENABLEMENT" }
              }
            }
            """);

        public static JObject Enable() => JObject.Parse("""
            {
              "end_customer_client_id": "634758733ebb4f00134b85ea",
              "status": "ACTIVE",
              "product_statuses": { "auth": "ACTIVE", "cra_base_report": "PENDING_ENABLEMENT" },
              "production_secret": "79g03eoofwl8240v776r2h667442119"
            }
            """);
    }
}
