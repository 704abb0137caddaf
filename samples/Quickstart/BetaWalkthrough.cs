using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Plaid.Partner.Quickstart
{
    /// <summary>
    /// Beta onboarding (Plaid API docs, Partner › /beta/partner/customer/v1/create, /get, /update, /enable): create an
    /// end customer with part of its details, send what <c>requirements_due</c> asks for until nothing is due, then
    /// enable it.
    /// </summary>
    internal static class BetaWalkthrough
    {
        public static async Task<bool> RunAsync(StepRunner steps, PlaidPartnerClient client)
        {
            var beta = client.Beta;
            var id = string.Empty;
            IList<PartnerEndCustomerRequirementDue> due = Array.Empty<PartnerEndCustomerRequirementDue>();

            var ok = await steps.RunAsync("beta: create with part of the details", async () =>
            {
                var customer = (await beta.CreateEndCustomerAsync(PartialCustomer())).EndCustomer!;
                id = customer.ClientId!;
                due = customer.RequirementsDue ?? Array.Empty<PartnerEndCustomerRequirementDue>();
                Expect(customer.Status, PartnerEndCustomerStatus.MoreInformationNeeded);
                if (due.Count == 0)
                {
                    throw new InvalidOperationException("A customer created with details missing has nothing due.");
                }

                return $"client_id {id}  status {customer.Status}  requirements_due [{string.Join(", ", due)}]  "
                    + $"secrets sandbox {Secrets.Mask(customer.Secrets?.Sandbox)}, production {Secrets.Mask(customer.Secrets?.Production)}";
            })
            && await steps.RunAsync("beta: get what is still due", async () =>
            {
                var customer = (await beta.GetEndCustomerAsync(id)).EndCustomer!;
                Expect(customer.Status, PartnerEndCustomerStatus.MoreInformationNeeded);
                return $"status {customer.Status}  products {Describe(customer.ProductStatuses)}";
            });

            // Send what the first entry asks for, read what is left, and go on until nothing is due.
            for (var round = 1; ok && due.Count > 0; round++)
            {
                var entry = due[0];
                ok = await steps.RunAsync($"beta: update {entry}", async () =>
                {
                    var customer = (await beta.UpdateEndCustomerAsync(UpdateFor(id, entry))).EndCustomer!;
                    var left = customer.RequirementsDue ?? Array.Empty<PartnerEndCustomerRequirementDue>();
                    if (left.Contains(entry) || round > 10)
                    {
                        throw new InvalidOperationException($"{entry} is still due after the update.");
                    }

                    due = left;
                    return left.Count > 0
                        ? $"status {customer.Status}  still due [{string.Join(", ", left)}]"
                        : $"status {customer.Status}  nothing due  products {Describe(customer.ProductStatuses)}";
                });
            }

            return ok && await steps.RunAsync("beta: enable it in Production", async () =>
            {
                var enabled = await beta.EnableEndCustomerAsync(new BetaPartnerCustomerV1EnableRequest { EndCustomerClientId = id });
                Expect(enabled.Status, PartnerEndCustomerStatus.Active);
                return $"status {enabled.Status}  products {Describe(enabled.ProductStatuses)}  production_secret {Secrets.Mask(enabled.ProductionSecret)}";
            });
        }

        /// <summary>What the partner knows on day one: no legal name yet, no bank addendum, no CRA questionnaire.</summary>
        private static BetaPartnerCustomerV1CreateRequest PartialCustomer() => new()
        {
            CompanyName = "Quickstart Beta Co",
            ApplicationName = "Quickstart Beta Lending",
            Website = "https://beta.quickstart.example",
            IsDiligenceAttested = true,
            Products = new[] { Products.Auth, Products.CraBaseReport },
            Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
            CustomerSupportInfo = new PartnerEndCustomerCustomerSupportInfo { Email = "support@beta.quickstart.example" },
        };

        /// <summary>The update that provides one requirement; create-only details cannot be sent later.</summary>
        private static BetaPartnerCustomerV1UpdateRequest UpdateFor(string id, PartnerEndCustomerRequirementDue entry)
        {
            var update = new BetaPartnerCustomerV1UpdateRequest { EndCustomerClientId = id };
            if (entry == PartnerEndCustomerRequirementDue.LegalEntityName)
            {
                update.LegalEntityName = "Quickstart Beta Co, Inc.";
            }
            else if (entry == PartnerEndCustomerRequirementDue.BankAddendumAcceptance)
            {
                update.BankAddendumAcceptance = new PartnerEndCustomerBankAddendumAcceptance
                {
                    CustomerAccepted = true,
                    CustomerAgreementTimestamp = DateTimeOffset.UtcNow,
                    CustomerIpAddress = "203.0.113.10",
                };
            }
            else if (entry == PartnerEndCustomerRequirementDue.QuestionnairesCra)
            {
                update.Questionnaires = new PartnerEndCustomerQuestionnaires
                {
                    Cra = new PartnerEndCustomerCRAQuestionnaire
                    {
                        IsThirdPartyInvolved = false,
                        IsTechnicalServiceProviderInvolved = false,
                        Purposes = new PartnerEndCustomerCRAPurposes
                        {
                            ExtensionOfCreditOrAccountReview = new PartnerEndCustomerCRAUseCases { UseCases = new[] { PartnerEndCustomerCRAUseCase.CreditUnderwriting } },
                        },
                    },
                };
            }
            else
            {
                throw new InvalidOperationException($"{entry} can only be given when the end customer is created; remove it and create it again with it.");
            }

            return update;
        }

        private static string Describe(IDictionary<string, PartnerEndCustomerStatus>? statuses) =>
            statuses is null ? "(none)" : string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"));

        private static void Expect(PartnerEndCustomerStatus? actual, PartnerEndCustomerStatus expected)
        {
            if (actual != expected)
            {
                throw new InvalidOperationException($"Expected status {expected}, got {actual?.ToString() ?? "(none)"}.");
            }
        }
    }
}
