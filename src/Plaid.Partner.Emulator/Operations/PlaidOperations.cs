using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// What each operation of openapi/plaid-partner.yml does once the request passed the fault, credential and
    /// contract checks (the beta onboarding operations are in <see cref="BetaOperations"/>). Each returns the response
    /// body without <c>request_id</c> (the pipeline adds a fresh one), or the Plaid error.
    /// </summary>
    internal static class PlaidOperations
    {
        public static IReadOnlyDictionary<string, Func<EmulatorRuntime, JObject, Outcome<JObject>>> Handlers { get; } =
            new Dictionary<string, Func<EmulatorRuntime, JObject, Outcome<JObject>>>(StringComparer.Ordinal)
            {
                ["/partner/customer/create"] = Create,
                ["/partner/customer/get"] = Get,
                ["/partner/customer/oauth_institutions/get"] = OAuthInstitutionsGet,
                ["/partner/customer/enable"] = Enable,
                ["/partner/customer/remove"] = Remove,
                ["/webhook_verification_key/get"] = WebhookVerificationKeyGet,
                ["/beta/partner/customer/v1/create"] = BetaOperations.Create,
                ["/beta/partner/customer/v1/get"] = BetaOperations.Get,
                ["/beta/partner/customer/v1/update"] = BetaOperations.Update,
                ["/beta/partner/customer/v1/enable"] = BetaOperations.Enable,
            };

        private static Outcome<JObject> Create(EmulatorRuntime runtime, JObject body)
        {
            if (!runtime.IsProduction)
            {
                // Plaid API docs, Partner › /partner/customer/create: in Sandbox, create answers with a sample, creates no
                // customer, and the keys it returns do not work.
                return new JObject { ["end_customer"] = SandboxCreateSample() };
            }

            if (CreateRules.Check(body, runtime.Partner) is { } refused)
            {
                return refused;
            }

            var created = CreateCustomer(runtime, body);
            return created.Error is { } error ? error : new JObject { ["end_customer"] = created.Value };
        }

        /// <summary>Stores a new customer; returns it as GA create's <c>end_customer</c>.</summary>
        private static Outcome<JObject> CreateCustomer(EmulatorRuntime runtime, JObject body)
        {
            var outcome = runtime.Customers.Create((string)body["company_name"]!, (string)body["application_name"]!);
            if (outcome.Error is { } error)
            {
                return error;
            }

            var customer = outcome.Value!;
            return new JObject
            {
                ["client_id"] = customer.ClientId,
                ["company_name"] = customer.CompanyName,
                ["status"] = customer.Status,
                ["secrets"] = new JObject
                {
                    ["sandbox"] = customer.SandboxSecret,
                    ["production"] = customer.ProductionSecret,
                },
            };
        }

        private static Outcome<JObject> Get(EmulatorRuntime runtime, JObject body)
        {
            var outcome = runtime.Customers.Get(EndCustomerId(body));
            if (outcome.Error is { } error)
            {
                return error;
            }

            var customer = outcome.Value!;
            return new JObject
            {
                ["end_customer"] = new JObject
                {
                    ["client_id"] = customer.ClientId,
                    ["company_name"] = customer.CompanyName,
                    ["status"] = customer.Status,
                },
            };
        }

        private static Outcome<JObject> OAuthInstitutionsGet(EmulatorRuntime runtime, JObject body)
        {
            var outcome = runtime.Customers.Get(EndCustomerId(body));
            if (outcome.Error is { } error)
            {
                return error;
            }

            var partner = runtime.Partner;
            return new JObject
            {
                ["flowdown_status"] = partner.FlowdownComplete ? "COMPLETE" : "NOT_STARTED",
                ["questionnaire_status"] = partner.QuestionnaireComplete ? "COMPLETE" : "NOT_STARTED",
                ["institutions"] = new JArray(outcome.Value!.Institutions.Select(Institution)),
            };
        }

        private static Outcome<JObject> Enable(EmulatorRuntime runtime, JObject body)
        {
            if (CreateRules.PartnerPrerequisites(runtime.Partner) is { } refused)
            {
                return refused;
            }

            var outcome = runtime.Customers.Enable(EndCustomerId(body));
            if (outcome.Error is { } error)
            {
                return error;
            }

            runtime.RegistrationsStarted(outcome.Value.Customer.ClientId, outcome.Value.Changes);

            return new JObject { ["production_secret"] = outcome.Value.Customer.ProductionSecret };
        }

        private static Outcome<JObject> Remove(EmulatorRuntime runtime, JObject body)
        {
            var outcome = runtime.Customers.Remove(EndCustomerId(body));
            return outcome.Error is { } error ? error : new JObject();
        }

        private static Outcome<JObject> WebhookVerificationKeyGet(EmulatorRuntime runtime, JObject body)
        {
            var key = runtime.Keys.FindPublicJwk((string)body["key_id"]!);
            return key is null ? PlaidErrors.InvalidWebhookVerificationKeyId : new JObject { ["key"] = key };
        }

        private static JObject Institution(InstitutionView institution)
        {
            var json = new JObject
            {
                ["name"] = institution.Name,
                ["institution_id"] = institution.InstitutionId,
                ["environments"] = new JObject { ["production"] = institution.Status },
                ["production_enablement_date"] = institution.ProductionEnablementDate,
                ["classic_disablement_date"] = null,
            };
            if (institution.ErrorMessage is { } message)
            {
                json["errors"] = new JArray(new JObject
                {
                    ["error_type"] = PlaidErrors.PartnerError,
                    ["error_code"] = "OAUTH_REGISTRATION_ERROR",
                    ["error_message"] = message,
                    ["display_message"] = null,
                });
            }

            return json;
        }

        private static string EndCustomerId(JObject body) => (string)body["end_customer_client_id"]!;

        /// <summary>The <c>end_customer</c> of Plaid's create example (Plaid API docs, Partner › /partner/customer/create, and the bundled contract), verbatim.</summary>
        private static JObject SandboxCreateSample() => new()
        {
            ["client_id"] = "7f57eb3d2a9j6480121fx361",
            ["company_name"] = "Plaid",
            ["status"] = "ACTIVE",
            ["secrets"] = new JObject
            {
                ["sandbox"] = "b60b5201d006ca5a7081d27c824d77",
                ["production"] = "79g03eoofwl8240v776r2h667442119",
            },
        };
    }
}
