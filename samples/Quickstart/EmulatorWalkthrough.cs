using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Emulator;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>The lifecycle against the embedded emulator, as Production, through PlaidPartnerClient; then the beta onboarding loop.</summary>
    internal static class EmulatorWalkthrough
    {
        private static readonly TimeSpan WebhookWait = TimeSpan.FromSeconds(15);

        public static async Task<int> RunAsync()
        {
            await using var inbox = await WebhookInbox.StartAsync();
            await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                Environment = PlaidEnvironment.Production,
                WebhookUrl = inbox.Url,
            });
            var client = new PlaidPartnerClient(emulator.CreateClientOptions());

            // One verifier per client, kept for the application's life: it caches the keys it fetches through the client.
            var verifier = new PlaidWebhookVerifier(client);

            Console.WriteLine("Plaid.Partner quickstart: the local Partner API emulator, behaving as Production (no Plaid account needed)");
            Console.WriteLine($"  emulator  {emulator.BaseAddress}   client_id {emulator.ClientId}   secret {Secrets.Mask(emulator.Secret)}");
            Console.WriteLine($"  webhooks  {inbox.Url}");
            Console.WriteLine($"  console   {emulator.ConsoleAddress}   (lives as long as this run; one that stays: dotnet run --project src/Plaid.Partner.Emulator)");
            Console.WriteLine();

            var steps = new StepRunner();
            var id = string.Empty;
            var ok = await steps.RunAsync("create an end customer", async () =>
            {
                var created = await client.CreateEndCustomerAsync(NewCustomer("Quickstart Pay"));
                var customer = created.EndCustomer!;
                id = customer.ClientId!;
                Expect(customer.Status, PartnerEndCustomerStatus.UnderReview);
                return $"client_id {id}  status {customer.Status}  secrets sandbox {Secrets.Mask(customer.Secrets?.Sandbox)}, production {Secrets.Mask(customer.Secrets?.Production)}";
            })
            && await steps.RunAsync("get the end customer", async () =>
            {
                var customer = (await client.GetEndCustomerAsync(id)).EndCustomer!;
                Expect(customer.Status, PartnerEndCustomerStatus.UnderReview);
                return $"{customer.CompanyName}  status {customer.Status}";
            })
            && await steps.RunAsync("list its OAuth institutions", async () =>
            {
                var institutions = await client.GetEndCustomerOAuthInstitutionsAsync(id);
                return $"flowdown {institutions.FlowdownStatus}, questionnaire {institutions.QuestionnaireStatus}; "
                    + string.Join(", ", institutions.Institutions!.Select(i => $"{i.Name} {i.Environments?.Production}"));
            })
            && await steps.RunAsync("approve it (emulator control: Plaid's review)", async () =>
            {
                var customer = await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
                return $"status {customer.Status} (in Production, Plaid's review does this)";
            })
            && await steps.RunAsync("enable it in Production", async () =>
            {
                var enabled = await client.EnableEndCustomerAsync(id);
                var customer = (await client.GetEndCustomerAsync(id)).EndCustomer!;
                Expect(customer.Status, PartnerEndCustomerStatus.Active);
                return $"status {customer.Status}  production_secret {Secrets.Mask(enabled.ProductionSecret)}";
            })
            && await steps.RunAsync("receive, verify and parse OAuth webhooks", async () =>
            {
                await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

                // Enabling sent one "processing" webhook per institution before this approval: verify each, then parse it.
                using var giveUp = new CancellationTokenSource(WebhookWait);
                for (var verified = 1; ; verified++)
                {
                    var (body, verification) = await inbox.NextAsync(giveUp.Token);
                    var result = await verifier.VerifyAsync(body, verification);
                    if (!result.IsVerified)
                    {
                        throw new InvalidOperationException($"A webhook failed verification: {result}");
                    }

                    if (PlaidWebhookParser.Parse(body) is PartnerEndCustomerOAuthStatusUpdatedWebhook update
                        && update.EndCustomerClientId == id
                        && update.InstitutionId == "ins_56"
                        && update.Status == PartnerEndCustomerOAuthStatusUpdatedValues.Approved)
                    {
                        return $"{update.WebhookCode} {update.InstitutionName} -> {update.Status}; {verified} webhook(s) verified "
                            + $"(ES256, kid {result.KeyId?[..8]}…, iat {result.IssuedAt:HH:mm:ss}, body sha256)";
                    }
                }
            })
            && await steps.RunAsync("try to remove it (refused: it is ACTIVE)", async () =>
            {
                try
                {
                    await client.RemoveEndCustomerAsync(id);
                }
                catch (PlaidApiException e) when (e.ErrorCode == PlaidPartnerErrorCodes.CustomerRemovalNotAllowed)
                {
                    return $"{(int)e.StatusCode} {e.ErrorCode}, as Plaid answers";
                }

                throw new InvalidOperationException("Removing an ACTIVE end customer succeeded; Plaid refuses it.");
            })
            && await steps.RunAsync("create and remove a second customer", async () =>
            {
                var second = (await client.CreateEndCustomerAsync(NewCustomer("Quickstart Pay Two"))).EndCustomer!.ClientId!;
                await client.RemoveEndCustomerAsync(second);
                try
                {
                    await client.GetEndCustomerAsync(second);
                }
                catch (PlaidApiException e) when (e.ErrorCode == PlaidPartnerErrorCodes.CustomerNotFound)
                {
                    return $"{second} removed; get now answers {e.ErrorCode}";
                }

                throw new InvalidOperationException("A removed end customer can still be read.");
            })
            && await BetaWalkthrough.RunAsync(steps, client)
            && await LedgerWalkthrough.RunAsync(steps, emulator);

            Console.WriteLine();
            Console.WriteLine(ok ? $"All {steps.Passed} steps passed." : $"Stopped after {steps.Passed} passing step(s).");
            return ok ? 0 : 1;
        }

        internal static PartnerCustomerCreateRequest NewCustomer(string applicationName) => new()
        {
            CompanyName = "Quickstart Example Co",
            LegalEntityName = "Quickstart Example Co, Inc.",
            ApplicationName = applicationName,
            Website = "https://quickstart.example",
            IsDiligenceAttested = true,
            IsBankAddendumCompleted = true,
            Products = new[] { Products.Auth, Products.Transactions },
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
        };

        private static void Expect(PartnerEndCustomerStatus? actual, PartnerEndCustomerStatus expected)
        {
            if (actual != expected)
            {
                throw new InvalidOperationException($"Expected status {expected}, got {actual?.ToString() ?? "(none)"}.");
            }
        }
    }
}
