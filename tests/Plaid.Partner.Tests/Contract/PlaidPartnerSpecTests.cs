using System.Linq;
using System.Threading.Tasks;
using NSwag;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Contract
{
    /// <summary>openapi/plaid-partner.yml as NSwag reads it: the operations, servers and schemas the library is built from.</summary>
    public class PlaidPartnerSpecTests
    {
        private static readonly string[] Operations =
        {
            "/partner/customer/create",
            "/partner/customer/get",
            "/partner/customer/oauth_institutions/get",
            "/partner/customer/enable",
            "/partner/customer/remove",
            "/beta/partner/customer/v1/create",
            "/webhook_verification_key/get",
        };

        [TestCaseSource(nameof(Operations))]
        public async Task Each_operation_is_a_post_with_a_json_request_and_a_200_response_schema(string path)
        {
            var document = await BundledSpec.LoadAsync();

            Assert.That(document.Paths.ContainsKey(path), Is.True, $"{path} is missing from the spec");
            var item = document.Paths[path];
            Assert.That(item.Keys, Is.EquivalentTo(new[] { OpenApiOperationMethod.Post }), "every Plaid call is a POST");
            var operation = item[OpenApiOperationMethod.Post];
            Assert.Multiple(() =>
            {
                Assert.That(operation.RequestBody?.Content["application/json"].Schema, Is.Not.Null, "request schema");
                Assert.That(operation.Responses["200"].Content["application/json"].Schema, Is.Not.Null, "200 response schema");
                Assert.That(operation.Responses["default"].Content["application/json"].Schema.ActualSchema, Is.SameAs(document.Components.Schemas["PlaidError"]), "errors are PlaidError");
            });
        }

        [Test]
        public async Task The_spec_has_exactly_the_seven_partner_operations()
        {
            var document = await BundledSpec.LoadAsync();

            Assert.That(document.Paths.Keys, Is.EquivalentTo(Operations));
        }

        [Test]
        public async Task Only_production_and_sandbox_servers_remain()
        {
            var document = await BundledSpec.LoadAsync();

            Assert.That(document.Servers.Select(s => s.Url), Is.EquivalentTo(new[] { "https://production.plaid.com", "https://sandbox.plaid.com" }));
        }

        [Test]
        public async Task Credentials_are_header_security_schemes_applied_globally()
        {
            var document = await BundledSpec.LoadAsync();

            var schemes = document.Components.SecuritySchemes;
            Assert.Multiple(() =>
            {
                Assert.That(schemes.Values.Select(s => (s.In, s.Name)), Is.EquivalentTo(new[]
                {
                    (OpenApiSecurityApiKeyLocation.Header, "PLAID-CLIENT-ID"),
                    (OpenApiSecurityApiKeyLocation.Header, "PLAID-SECRET"),
                    (OpenApiSecurityApiKeyLocation.Header, "Plaid-Version"),
                }));
                Assert.That(document.Security.Single().Keys, Is.EquivalentTo(schemes.Keys));
            });
        }

        [Test]
        public async Task No_request_schema_carries_credentials()
        {
            var document = await BundledSpec.LoadAsync();

            foreach (var (name, schema) in document.Components.Schemas.Where(s => s.Key.EndsWith("Request", System.StringComparison.Ordinal)))
            {
                Assert.That(schema.Properties.Keys, Has.None.EqualTo("client_id").And.None.EqualTo("secret"), name);
            }
        }

        [Test]
        public async Task Every_product_and_status_enum_of_seed_002_is_present()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            Assert.Multiple(() =>
            {
                Assert.That(schemas["Products"].Enumeration, Is.EqualTo(new[]
                {
                    "assets", "auth", "balance", "identity", "income_verification", "investments", "investments_auth",
                    "liabilities", "transactions", "employment", "cra_base_report", "cra_income_insights", "cra_partner_insights",
                }));
                Assert.That(schemas["PartnerEndCustomerStatus"].Enumeration, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE", "DENIED" }));
                Assert.That(schemas["PartnerEndCustomerFlowdownStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "IN_REVIEW", "NEGOTIATION", "COMPLETE" }));
                Assert.That(schemas["PartnerEndCustomerQuestionnaireStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "RECEIVED", "COMPLETE" }));
                Assert.That(schemas["PartnerEndCustomerOAuthInstitutionApplicationStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "PROCESSING", "APPROVED", "ENABLED", "ATTENTION_REQUIRED" }));
                Assert.That(schemas["PartnerEndCustomerOAuthStatusUpdatedValues"].Enumeration, Is.EqualTo(new[] { "not-started", "processing", "approved", "enabled", "attention-required" }));
                Assert.That(schemas["WebhookEnvironmentValues"].Enumeration, Is.EqualTo(new[] { "sandbox", "production" }));
                Assert.That(schemas["PlaidErrorType"].Enumeration, Has.Count.EqualTo(23));
            });
        }

        [Test]
        public async Task The_webhook_body_and_the_jwk_are_component_schemas()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            Assert.Multiple(() =>
            {
                Assert.That(schemas["PartnerEndCustomerOAuthStatusUpdatedWebhook"].Properties.Keys, Is.EquivalentTo(new[]
                {
                    "webhook_type", "webhook_code", "end_customer_client_id", "environment", "institution_id", "institution_name", "status",
                }));
                Assert.That(schemas["JWKPublicKey"].Properties["expired_at"].IsNullableRaw, Is.True, "expired_at is nullable");
                Assert.That(schemas["JWKPublicKey"].Properties.Keys, Does.Contain("created_at"));
            });
        }

        [Test]
        public async Task The_beta_create_has_the_fields_and_required_flags_of_seed_003()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;
            var request = schemas["BetaPartnerCustomerV1CreateRequest"];

            Assert.Multiple(() =>
            {
                Assert.That(request.Properties.Keys, Is.EquivalentTo(new[]
                {
                    "company_name", "is_diligence_attested", "products", "create_link_customization", "logo", "legal_entity_name", "website",
                    "application_name", "technical_contact", "billing_contact", "customer_support_info", "address",
                    "bank_addendum_acceptance", "questionnaires", "redirect_uris",
                }));
                Assert.That(request.RequiredProperties, Is.EquivalentTo(new[] { "company_name", "website", "application_name", "customer_support_info", "address" }));
                Assert.That(request.AllowAdditionalProperties, Is.False);
                Assert.That(schemas["PartnerEndCustomerBankAddendumAcceptance"].Properties.Keys, Is.EquivalentTo(new[] { "customer_agreement_timestamp", "customer_accepted", "customer_ip_address" }));
                Assert.That(schemas["PartnerEndCustomerQuestionnaires"].Properties.Keys, Is.EquivalentTo(new[] { "cra" }));
                Assert.That(schemas["PartnerEndCustomerCraQuestionnaire"].Properties.Keys, Is.EquivalentTo(new[] { "is_third_party_involved", "purposes", "is_technical_service_provider_involved" }));
                Assert.That(schemas["PartnerEndCustomerCraPurposes"].Properties.Keys, Is.EquivalentTo(new[]
                {
                    "EMPLOYMENT", "INSURANCE_UNDERWRITING", "WRITTEN_INSTRUCTION", "EXTENSION_OF_CREDIT_OR_ACCOUNT_REVIEW",
                    "LICENSE_ELIGIBILITY", "BUSINESS_NEED_ACCOUNT_REVIEW", "BUSINESS_NEED_TRANSACTION", "RISK_ASSESSMENT",
                }));
                Assert.That(schemas["PartnerEndCustomerCraPurposeUseCases"].Properties["use_cases"].Item!.Type, Is.EqualTo(NJsonSchema.JsonObjectType.String));
                Assert.That(schemas["BetaPartnerCustomerV1CreateResponse"].Properties.Keys, Is.EquivalentTo(new[] { "requirements_due", "request_id" }));
                Assert.That(schemas["BetaPartnerCustomerV1CreateResponse"].Properties["requirements_due"].Type, Is.EqualTo(NJsonSchema.JsonObjectType.Array));
            });
        }

        [Test]
        public async Task Every_request_only_object_schema_is_closed_to_additional_properties()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            foreach (var (name, schema) in schemas.Where(s => s.Key.EndsWith("Request", System.StringComparison.Ordinal)))
            {
                Assert.That(schema.AllowAdditionalProperties, Is.False, name);
            }
        }
    }
}
