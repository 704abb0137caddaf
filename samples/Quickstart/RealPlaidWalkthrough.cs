using System;
using System.Linq;
using System.Threading.Tasks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// Read-only calls against real Plaid with the caller's keys; a create only with --create-real-customer, announced
    /// before it is sent.
    /// </summary>
    internal static class RealPlaidWalkthrough
    {
        public static async Task<int> RunAsync(string clientId, string secret, string environmentName, string? endCustomerId, bool createRealCustomer)
        {
            PlaidEnvironment environment;
            try
            {
                environment = PlaidEnvironment.Parse(environmentName);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"quickstart: PLAID_ENV: {e.Message}");
                return 2;
            }

            var client = new PlaidPartnerClient(new PlaidPartnerOptions { ClientId = clientId, Secret = secret, Environment = environment });
            Console.WriteLine($"Plaid.Partner quickstart: real Plaid {environment.Name} ({environment.BaseAddress}), read-only unless --create-real-customer");
            Console.WriteLine($"  client_id {clientId}   secret {Secrets.Mask(secret)}");
            Console.WriteLine();

            var steps = new StepRunner();
            var ok = await steps.RunAsync("check the keys (get an unknown customer)", async () =>
            {
                try
                {
                    await client.GetEndCustomerAsync("quickstart-no-such-end-customer");
                }
                catch (PlaidApiException e) when (e.ErrorCode == PlaidPartnerErrorCodes.CustomerNotFound)
                {
                    return $"keys accepted; Plaid answered {(int)e.StatusCode} {e.ErrorCode} (request_id {e.RequestId})";
                }

                throw new InvalidOperationException("Plaid returned an end customer for an id that should not exist.");
            });

            if (ok && createRealCustomer)
            {
                ok = await CreateAsync(client, environment, steps, id => endCustomerId = id);
            }

            if (ok && endCustomerId is not null)
            {
                var id = endCustomerId;
                ok = await steps.RunAsync("get the end customer", async () =>
                {
                    var customer = (await client.GetEndCustomerAsync(id)).EndCustomer!;
                    return $"{customer.ClientId}  {customer.CompanyName}  status {customer.Status}";
                })
                && await steps.RunAsync("list its OAuth institutions", async () =>
                {
                    var institutions = await client.GetEndCustomerOAuthInstitutionsAsync(id);
                    return $"flowdown {institutions.FlowdownStatus}, questionnaire {institutions.QuestionnaireStatus}; {institutions.Institutions?.Count ?? 0} institutions: "
                        + string.Join(", ", (institutions.Institutions ?? Array.Empty<PartnerEndCustomerOAuthInstitution>()).Take(5).Select(i => $"{i.Name} {i.Environments?.Production}"));
                });
            }
            else if (ok)
            {
                Console.WriteLine("    (pass --end-customer ID to also read one of your end customers)");
            }

            Console.WriteLine();
            Console.WriteLine(ok ? $"All {steps.Passed} steps passed." : $"Stopped after {steps.Passed} passing step(s).");
            return ok ? 0 : 1;
        }

        private static Task<bool> CreateAsync(PlaidPartnerClient client, PlaidEnvironment environment, StepRunner steps, Action<string> created)
        {
            var request = EmulatorWalkthrough.NewCustomer($"Plaid.Partner quickstart {DateTimeOffset.UtcNow:yyyyMMddHHmmss}");
            if (!environment.IsProduction)
            {
                Console.WriteLine($"    --create-real-customer in {environment.Name}: Plaid answers with a sample and creates nothing (Plaid API docs, Partner › /partner/customer/create).");
                return steps.RunAsync("ask Sandbox for the create sample", async () =>
                {
                    var sample = await client.CreateEndCustomerSandboxSampleAsync(request);
                    return $"{sample} client_id {sample.Response.EndCustomer?.ClientId}";
                });
            }

            Console.WriteLine($"    --create-real-customer: creating a REAL, billable end customer in Plaid Production named '{request.ApplicationName}' ({request.CompanyName}).");
            return steps.RunAsync("create a real end customer", async () =>
            {
                var customer = (await client.CreateEndCustomerAsync(request)).EndCustomer!;
                created(customer.ClientId!);
                return $"client_id {customer.ClientId}  status {customer.Status}  secrets sandbox {Secrets.Mask(customer.Secrets?.Sandbox)}, production {Secrets.Mask(customer.Secrets?.Production)}";
            });
        }
    }
}
