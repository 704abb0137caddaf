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
            "/beta/partner/customer/v1/get",
            "/beta/partner/customer/v1/update",
            "/beta/partner/customer/v1/enable",
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
        public async Task The_spec_has_exactly_the_ten_partner_operations()
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
        public async Task Every_member_of_every_schema_has_a_description_of_its_own()
        {
            var document = await BundledSpec.LoadAsync();

            // A referenced member's description sits beside allOf: [$ref] (a $ref's own siblings are ignored in 3.0);
            // the referenced schema's description says what the type is, not what the member is.
            var bare = document.Components.Schemas
                .SelectMany(schema => schema.Value.AllOf.Append(schema.Value)
                    .SelectMany(part => part.Properties)
                    .Where(member => string.IsNullOrWhiteSpace(member.Value.Description))
                    .Select(member => $"{schema.Key}.{member.Key}"))
                .ToList();

            Assert.That(bare, Is.Empty);
        }

        [Test]
        public async Task No_request_schema_carries_credentials()
        {
            var document = await BundledSpec.LoadAsync();

            var requests = document.Components.Schemas.Where(s => s.Key.EndsWith("Request", System.StringComparison.Ordinal)).ToList();

            // Ten operations, ten request schemas: a loop over none would check nothing.
            Assert.That(requests, Has.Count.GreaterThanOrEqualTo(10));
            foreach (var (name, schema) in requests)
            {
                Assert.That(schema.Properties.Keys, Has.None.EqualTo("client_id").And.None.EqualTo("secret"), name);
            }
        }

        [Test]
        public async Task Every_product_and_status_enum_of_plaids_file_is_present()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            Assert.Multiple(() =>
            {
                Assert.That(schemas["Products"].Enumeration, Is.EqualTo(new[]
                {
                    "assets", "auth", "balance", "balance_plus", "beacon", "identity", "identity_match", "investments", "investments_auth",
                    "liabilities", "payment_initiation", "identity_verification", "transactions", "credit_details", "income",
                    "income_verification", "standing_orders", "transfer", "employment", "recurring_transactions", "transactions_refresh",
                    "signal", "statements", "processor_payments", "processor_identity", "profile", "cra_base_report",
                    "cra_income_insights", "cra_partner_insights", "cra_network_insights", "cra_cashflow_insights", "cra_monitoring",
                    "cra_lend_score", "cra_plaid_credit_score", "layer", "pay_by_bank", "protect_linked_bank", "protect_transactions",
                }));
                Assert.That(schemas["PartnerEndCustomerStatus"].Enumeration, Is.EqualTo(new[] { "UNDER_REVIEW", "PENDING_ENABLEMENT", "ACTIVE", "DENIED", "MORE_INFORMATION_NEEDED" }));
                Assert.That(schemas["PartnerEndCustomerFlowdownStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "IN_REVIEW", "NEGOTIATION", "COMPLETE" }));
                Assert.That(schemas["PartnerEndCustomerQuestionnaireStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "RECEIVED", "COMPLETE" }));
                Assert.That(schemas["PartnerEndCustomerOAuthInstitutionApplicationStatus"].Enumeration, Is.EqualTo(new[] { "NOT_STARTED", "PROCESSING", "APPROVED", "ENABLED", "ATTENTION_REQUIRED" }));
                Assert.That(schemas["PartnerEndCustomerOAuthStatusUpdatedValues"].Enumeration, Is.EqualTo(new[] { "not-started", "processing", "approved", "enabled", "attention-required" }));
                Assert.That(schemas["WebhookEnvironmentValues"].Enumeration, Is.EqualTo(new[] { "sandbox", "production" }));
                Assert.That(schemas["PlaidErrorType"].Enumeration, Has.Count.EqualTo(24));
                Assert.That(schemas["PlaidErrorType"].Enumeration, Does.Contain("BASE_REPORT_ERROR"));
                Assert.That(schemas["PlaidError"].Properties.Keys, Does.Contain("required_account_subtypes").And.Contain("provided_account_subtypes"));
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
        public async Task The_beta_create_has_the_fields_and_required_flags_of_plaids_file()
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
                Assert.That(schemas["PartnerEndCustomerBankAddendumAcceptance"].Properties["customer_agreement_timestamp"].Format, Is.EqualTo("date-time"));
                Assert.That(schemas["PartnerEndCustomerQuestionnaires"].Properties.Keys, Is.EquivalentTo(new[] { "cra" }));
                Assert.That(schemas["PartnerEndCustomerCRAQuestionnaire"].Properties.Keys, Is.EquivalentTo(new[] { "is_third_party_involved", "purposes", "is_technical_service_provider_involved" }));
                Assert.That(schemas["PartnerEndCustomerCRAPurposes"].Properties.Keys, Is.EquivalentTo(new[]
                {
                    "EMPLOYMENT", "INSURANCE_UNDERWRITING", "WRITTEN_INSTRUCTION", "EXTENSION_OF_CREDIT_OR_ACCOUNT_REVIEW",
                    "LICENSE_ELIGIBILITY", "BUSINESS_NEED_ACCOUNT_REVIEW", "BUSINESS_NEED_TRANSACTION", "RISK_ASSESSMENT",
                }));
                Assert.That(schemas["PartnerEndCustomerCRAUseCases"].Properties["use_cases"].Item!.ActualSchema, Is.SameAs(schemas["PartnerEndCustomerCRAUseCase"]));
                Assert.That(schemas["PartnerEndCustomerCRAUseCase"].Enumeration, Is.EqualTo(new[]
                {
                    "CREDIT_UNDERWRITING", "TENANT_SCREENING", "INVESTOR_OR_SERVICER_OF_CREDIT", "UTILITIES", "BANK_ACCOUNT_OPENING",
                    "IDENTITY_VERIFICATION_FRAUD_PREVENTION", "COLLECTIONS_DEBT_RECOVERY",
                }));
            });
        }

        [Test]
        public async Task The_beta_answers_carry_the_typed_end_customer()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;
            var endCustomer = schemas["BetaPartnerEndCustomer"];

            Assert.Multiple(() =>
            {
                Assert.That(endCustomer.Properties.Keys, Is.EquivalentTo(new[] { "client_id", "company_name", "status", "product_statuses", "requirements_due" }));
                Assert.That(schemas["BetaPartnerCustomerV1CreateResponse"].Properties["end_customer"].ActualSchema, Is.SameAs(schemas["BetaPartnerEndCustomerWithSecrets"]));
                Assert.That(schemas["BetaPartnerEndCustomerWithSecrets"].AllOf.Select(s => s.ActualSchema), Does.Contain(endCustomer));
                Assert.That(schemas["BetaPartnerCustomerV1GetResponse"].Properties["end_customer"].ActualSchema, Is.SameAs(endCustomer));
                Assert.That(schemas["BetaPartnerCustomerV1UpdateResponse"].Properties["end_customer"].ActualSchema, Is.SameAs(endCustomer));
                Assert.That(schemas["BetaPartnerCustomerV1EnableResponse"].Properties.Keys,
                    Is.EquivalentTo(new[] { "end_customer_client_id", "status", "product_statuses", "production_secret", "request_id" }));
                Assert.That(schemas["PartnerEndCustomerProductStatuses"].AdditionalPropertiesSchema!.ActualSchema, Is.SameAs(schemas["PartnerEndCustomerProductStatus"]),
                    "any product key");
                Assert.That(schemas["PartnerEndCustomerProductStatus"].IsAnyType, Is.True, "any JSON value per product, as Plaid's file allows");
                Assert.That(schemas["PartnerEndCustomerRequirementDue"].Enumeration, Is.EqualTo(new[]
                {
                    "legal_entity_name", "website", "application_name", "is_diligence_attested", "technical_contact", "billing_contact",
                    "address", "bank_addendum_acceptance", "questionnaires.cra",
                }));
            });
        }

        [Test]
        public async Task The_beta_get_update_and_enable_requests_have_the_fields_and_required_flags_of_plaids_file()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            Assert.Multiple(() =>
            {
                Assert.That(schemas["BetaPartnerCustomerV1GetRequest"].Properties.Keys, Is.EquivalentTo(new[] { "end_customer_client_id" }));
                Assert.That(schemas["BetaPartnerCustomerV1UpdateRequest"].Properties.Keys, Is.EquivalentTo(new[]
                {
                    "end_customer_client_id", "legal_entity_name", "bank_addendum_acceptance", "questionnaires", "redirect_uris",
                }));
                Assert.That(schemas["BetaPartnerCustomerV1EnableRequest"].Properties.Keys, Is.EquivalentTo(new[] { "end_customer_client_id", "products" }));
                foreach (var name in new[] { "BetaPartnerCustomerV1GetRequest", "BetaPartnerCustomerV1UpdateRequest", "BetaPartnerCustomerV1EnableRequest" })
                {
                    Assert.That(schemas[name].RequiredProperties, Is.EquivalentTo(new[] { "end_customer_client_id" }), name);
                }
            });
        }

        [Test]
        public async Task Every_request_only_object_schema_is_closed_to_additional_properties()
        {
            var schemas = (await BundledSpec.LoadAsync()).Components.Schemas;

            var requests = schemas.Where(s => s.Key.EndsWith("Request", System.StringComparison.Ordinal)).ToList();

            // Ten operations, ten request schemas: a loop over none would check nothing.
            Assert.That(requests, Has.Count.GreaterThanOrEqualTo(10));
            foreach (var (name, schema) in requests)
            {
                Assert.That(schema.AllowAdditionalProperties, Is.False, name);
            }
        }
    }
}
