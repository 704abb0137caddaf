using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// What the beta onboarding lists in <c>requirements_due</c> (Plaid API docs, Partner ›
    /// /beta/partner/customer/v1/create: missing information the requested products need is listed there). Plaid names
    /// the possible entries but not when each is due, so the rows are the emulator's rules; the emulator README's table
    /// explains each. Entries come in the order of <see cref="Rows"/>, which is the order of Plaid's enum.
    /// </summary>
    internal static class RequirementsDue
    {
        /// <summary>The products of the emulated reseller, which a create without <c>products</c> asks for: no CRA product.</summary>
        public static IReadOnlyList<string> ResellerProducts { get; } = new[] { "auth", "identity", "transactions" };

        /// <summary>One requirement: the entry it is listed as, the products that need it, and when the details meet it.</summary>
        private sealed record Row(string Entry, Func<string, bool> NeededBy, Func<JObject, bool> IsMet);

        private static readonly Row[] Rows =
        {
            new("legal_entity_name", EveryProduct, d => IsText(d["legal_entity_name"])),
            new("website", EveryProduct, d => IsText(d["website"])),
            new("application_name", EveryProduct, d => IsText(d["application_name"])),
            new("is_diligence_attested", EveryProduct, d => IsTrue(d["is_diligence_attested"])),

            // technical_contact and billing_contact are never listed: a missing contact defaults to the partner's, and a
            // partner without contacts on file is refused at create (CONTACT_REQUIRED), as GA create refuses it.
            new("address", EveryProduct, d => d["address"] is JObject a && IsText(a["street"]) && IsText(a["city"]) && IsText(a["postal_code"]) && IsText(a["country_code"])),
            new("bank_addendum_acceptance", EveryProduct, d => d["bank_addendum_acceptance"] is JObject a
                && IsTrue(a["customer_accepted"]) && IsText(a["customer_agreement_timestamp"]) && IsText(a["customer_ip_address"])),
            new("questionnaires.cra", IsCraProduct, d => d.SelectToken("questionnaires.cra") is JObject cra
                && IsBoolean(cra["is_third_party_involved"]) && IsBoolean(cra["is_technical_service_provider_involved"]) && HasAUseCase(cra["purposes"])),
        };

        /// <summary>The products a create asks for: its <c>products</c> in order, without repeats; absent or empty means the reseller's.</summary>
        public static IReadOnlyList<string> ProductsOf(JObject create)
        {
            var products = (create["products"] as JArray)?.Select(p => (string)p!).Distinct(StringComparer.Ordinal).ToList();
            return products is { Count: > 0 } ? products : ResellerProducts;
        }

        /// <summary>What <paramref name="details"/> still lack for <paramref name="products"/>, and which products wait for it.</summary>
        public static OnboardingRequirements Assess(JObject details, IReadOnlyList<string> products)
        {
            var due = Rows.Where(row => products.Any(row.NeededBy) && !row.IsMet(details)).ToList();
            var waiting = products.Where(product => due.Any(row => row.NeededBy(product))).ToHashSet(StringComparer.Ordinal);
            return new OnboardingRequirements(due.Select(row => row.Entry).ToList(), waiting);
        }

        private static bool EveryProduct(string product) => true;

        /// <summary>The consumer-report products (<c>cra_base_report</c>, <c>cra_income_insights</c>, …), which need the CRA questionnaire.</summary>
        private static bool IsCraProduct(string product) => product.StartsWith("cra_", StringComparison.Ordinal);

        private static bool IsText(JToken? token) => token?.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token);

        private static bool IsTrue(JToken? token) => token?.Type == JTokenType.Boolean && (bool)token;

        private static bool IsBoolean(JToken? token) => token?.Type == JTokenType.Boolean;

        /// <summary>At least one permissible purpose with at least one use case.</summary>
        private static bool HasAUseCase(JToken? purposes) =>
            purposes is JObject map && map.Properties().Any(p => p.Value["use_cases"] is JArray { Count: > 0 });
    }
}
