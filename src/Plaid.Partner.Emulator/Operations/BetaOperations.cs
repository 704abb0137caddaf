using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// The beta onboarding operations (Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update,
    /// /enable) once the request passed the fault, credential and contract checks. In Production the customer is
    /// stateful (<see cref="CustomerStore"/>, <see cref="RequirementsDue"/>); in Sandbox each answers Plaid's example
    /// (<see cref="BetaSandboxSamples"/>) and stores nothing. Answers leave out <c>request_id</c>: the pipeline adds it.
    /// </summary>
    internal static class BetaOperations
    {
        /// <summary>
        /// GA create's partner checks (except ASSETS_UNDER_MANAGEMENT_REQUIRED) and application-name rule, then a
        /// customer whose status and <c>requirements_due</c> follow from what was sent.
        /// </summary>
        public static Outcome<JObject> Create(EmulatorRuntime runtime, JObject body)
        {
            if (!runtime.IsProduction)
            {
                return BetaSandboxSamples.Create();
            }

            if (CreateRules.CheckBeta(body, runtime.Partner) is { } refused)
            {
                return refused;
            }

            // The logo (up to 4 MB) is checked by CreateRules and needed by no requirement: it is not kept.
            var details = (JObject)body.DeepClone();
            details.Remove("logo");
            var outcome = runtime.Customers.CreateBeta((string)body["company_name"]!, (string)body["application_name"]!, details, RequirementsDue.ProductsOf(body), RequirementsDue.Assess);
            return outcome.Error is { } error ? error : new JObject { ["end_customer"] = EndCustomer(outcome.Value!, withSecrets: true) };
        }

        public static Outcome<JObject> Get(EmulatorRuntime runtime, JObject body)
        {
            if (!runtime.IsProduction)
            {
                return BetaSandboxSamples.Get();
            }

            var outcome = runtime.Customers.GetBeta(EndCustomerId(body));
            return outcome.Error is { } error ? error : new JObject { ["end_customer"] = EndCustomer(outcome.Value!, withSecrets: false) };
        }

        /// <summary>Every member but the id is an onboarding detail to merge.</summary>
        public static Outcome<JObject> Update(EmulatorRuntime runtime, JObject body)
        {
            if (!runtime.IsProduction)
            {
                return BetaSandboxSamples.Update();
            }

            var changes = (JObject)body.DeepClone();
            changes.Remove("end_customer_client_id");
            var outcome = runtime.Customers.UpdateBeta(EndCustomerId(body), changes, RequirementsDue.Assess);
            return outcome.Error is { } error ? error : new JObject { ["end_customer"] = EndCustomer(outcome.Value!, withSecrets: false) };
        }

        /// <summary>The partner prerequisites of GA enable, then the store's rules; OAuth webhooks go out after the answer.</summary>
        public static Outcome<JObject> Enable(EmulatorRuntime runtime, JObject body)
        {
            if (!runtime.IsProduction)
            {
                return BetaSandboxSamples.Enable();
            }

            if (CreateRules.PartnerPrerequisites(runtime.Partner) is { } refused)
            {
                return refused;
            }

            var products = (body["products"] as JArray)?.Select(p => (string)p!).ToList();
            var outcome = runtime.Customers.EnableBeta(EndCustomerId(body), products);
            if (outcome.Error is { } error)
            {
                return error;
            }

            runtime.RegistrationsStarted(outcome.Value.Customer.ClientId, outcome.Value.Changes);

            var customer = outcome.Value.Customer;
            return new JObject
            {
                ["end_customer_client_id"] = customer.ClientId,
                ["status"] = customer.Status,
                ["product_statuses"] = ProductStatuses(customer.Onboarding!),
                ["production_secret"] = customer.ProductionSecret,
            };
        }

        /// <summary>
        /// <c>BetaPartnerEndCustomer</c> (with <c>secrets</c> for create). <c>requirements_due</c> is left out when nothing
        /// is due, as in Plaid's update example.
        /// </summary>
        private static JObject EndCustomer(CustomerView customer, bool withSecrets)
        {
            var onboarding = customer.Onboarding!;
            var json = new JObject
            {
                ["client_id"] = customer.ClientId,
                ["company_name"] = customer.CompanyName,
                ["status"] = customer.Status,
                ["product_statuses"] = ProductStatuses(onboarding),
            };
            if (onboarding.RequirementsDue.Count > 0)
            {
                json["requirements_due"] = new JArray(onboarding.RequirementsDue);
            }

            if (withSecrets)
            {
                json["secrets"] = new JObject { ["sandbox"] = customer.SandboxSecret, ["production"] = customer.ProductionSecret };
            }

            return json;
        }

        private static JObject ProductStatuses(BetaOnboardingView onboarding) =>
            new(onboarding.ProductStatuses.Select(p => new JProperty(p.Key, p.Value)));

        private static string EndCustomerId(JObject body) => (string)body["end_customer_client_id"]!;
    }
}
