using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer.Tests.TestSupport
{
    /// <summary>
    /// Undoes the project's deliberate differences on a copy of the bundled spec, giving it the shapes Plaid's file
    /// has where Plaid's docs show them (an older edition of Plaid's file shows most): a Development server, credentials in
    /// request bodies and examples, open request objects, an inline error_code_reason enum, Development secrets,
    /// required products, obfuscated e-mails, open product statuses (the beta facts sheet: <c>additionalProperties:
    /// true</c>), and so on. Slicing the result must give the bundled spec back.
    /// </summary>
    internal static class PlaidShaped
    {
        public static JObject From(JObject bundled)
        {
            var plaid = (JObject)bundled.DeepClone();
            var schemas = (JObject)plaid["components"]!["schemas"]!;

            ((JArray)plaid["servers"]!).Insert(1, new JObject { ["description"] = "Development", ["url"] = "https://development.plaid.com" });
            plaid["info"]!["description"] = "Needs description.";
            foreach (var scheme in ((JObject)plaid["components"]!["securitySchemes"]!).Properties().Select(p => (JObject)p.Value))
            {
                scheme.Remove("description");
            }

            foreach (var request in schemas.Properties().Where(p => p.Name.EndsWith("Request", System.StringComparison.Ordinal)).Select(p => (JObject)p.Value))
            {
                ((JObject)request["properties"]!).AddFirst(new JProperty("secret", new JObject { ["type"] = "string" }));
                ((JObject)request["properties"]!).AddFirst(new JProperty("client_id", new JObject { ["type"] = "string" }));
            }

            foreach (var closed in schemas.Properties().Select(p => (JObject)p.Value).Where(s => s["additionalProperties"] is JValue { Type: JTokenType.Boolean } v && !(bool)v))
            {
                closed.Remove("additionalProperties");
            }

            foreach (var example in plaid["paths"]!.SelectTokens("$..requestBody.content['application/json'].examples.*.value").OfType<JObject>())
            {
                example.AddFirst(new JProperty("secret", "79g03eoofwl8240v776r2h667442119"));
                example.AddFirst(new JProperty("client_id", "7f57eb3d2a9j6480121fx361"));
            }

            var createExample = plaid.SelectToken("$.paths['/partner/customer/create'].post.requestBody.content['application/json'].examples['example-1'].value")!;
            foreach (var email in createExample.SelectTokens("$..email").OfType<JValue>())
            {
                email.Value = "[email protected]";
            }

            var required = (JArray)schemas["PartnerCustomerCreateRequest"]!["required"]!;
            required.Insert(2, "products");

            var secrets = (JObject)schemas["PartnerEndCustomerSecrets"]!["properties"]!;
            secrets.Remove("production");
            secrets.Add("development", new JObject { ["description"] = "The end customer's secret key for the Development environment.", ["type"] = "string" });
            var exampleSecrets = (JObject)plaid.SelectToken("$.paths['/partner/customer/create'].post.responses['200'].content['application/json'].examples['example-1'].value.end_customer.secrets")!;
            exampleSecrets.Remove("production");
            exampleSecrets.Add("development", "95e56a510204f293d3bebd4b9cf5c7");

            var reason = (JObject)schemas["PlaidError"]!["properties"]!["error_code_reason"]!;
            var named = (JObject)schemas["PlaidErrorCodeReason"]!;
            reason.Remove("allOf");
            reason.Property("description")!.AddAfterSelf(new JProperty("type", "string"));
            reason.Add("enum", named["enum"]!.DeepClone());
            named.Parent!.Remove();

            ((JObject)schemas["JWKPublicKey"]!["properties"]!["created_at"]!).Remove("format");
            schemas["PartnerEndCustomerProductStatuses"]!["additionalProperties"] = true;

            // Plaid's file marks every member of the webhook, the JWK and the key response required; the overlay drops
            // the ones the library does not rely on (openapi/README.md, "Required members").
            ((JArray)schemas["PartnerEndCustomerOAuthStatusUpdatedWebhook"]!["required"]!).Insert(5, "institution_name");
            schemas["JWKPublicKey"]!["required"] = new JArray("alg", "created_at", "crv", "expired_at", "kid", "kty", "use", "x", "y");
            ((JArray)schemas["WebhookVerificationKeyGetResponse"]!["required"]!).Add("request_id");

            // The access of the id-only request classes is this project's, set by the overlay.
            foreach (var schema in schemas.Properties().Select(p => (JObject)p.Value))
            {
                schema.Remove("x-dotnet-access");
            }

            // Plaid's file references a member's type with a bare $ref and leaves some plain members undescribed; the
            // overlay describes both (the referenced ones as allOf: [$ref]).
            foreach (var member in plaid.SelectTokens("$.components.schemas..properties.*").OfType<JObject>().Where(IsDescribedReference).ToList())
            {
                var reference = member["allOf"]![0]!["$ref"]!.DeepClone();
                member.RemoveAll();
                member.Add("$ref", reference);
            }

            foreach (var (schema, member) in UndescribedPlainMembers)
            {
                ((JObject)schemas[schema]!["properties"]![member]!).Remove("description");
            }

            return plaid;
        }

        private static readonly (string Schema, string Member)[] UndescribedPlainMembers =
        {
            ("PartnerEndCustomerTechnicalContact", "given_name"), ("PartnerEndCustomerTechnicalContact", "family_name"),
            ("PartnerEndCustomerTechnicalContact", "email"), ("PartnerEndCustomerBillingContact", "given_name"),
            ("PartnerEndCustomerBillingContact", "family_name"), ("PartnerEndCustomerBillingContact", "email"),
            ("PartnerEndCustomerCustomerSupportInfo", "phone_number"), ("PartnerEndCustomerCustomerSupportInfo", "contact_url"),
            ("PartnerEndCustomerCustomerSupportInfo", "link_update_url"), ("PartnerEndCustomerAddress", "city"),
            ("PartnerEndCustomerAddress", "street"), ("PartnerEndCustomerAddress", "region"), ("PartnerEndCustomerAddress", "postal_code"),
            ("PartnerEndCustomerAssetsUnderManagement", "amount"), ("PartnerEndCustomerAssetsUnderManagement", "iso_currency_code"),
            ("PartnerEndCustomerOAuthInstitution", "name"), ("PartnerEndCustomerOAuthInstitution", "institution_id"),
        };

        private static bool IsDescribedReference(JObject member) =>
            member.Count == 2 && member["description"] is not null && member["allOf"] is JArray { Count: 1 } parts && parts[0]["$ref"] is not null;
    }
}
