using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// What /beta/partner/customer/v1/create lists in <c>requirements_due</c> (seed 003: "If any required information is
    /// missing for the products you intend to use, it will be listed in the requirements_due field"). Seed 003 does not
    /// list the requirements, so the rows come from its wording and from what the GA create insists on; the emulator's
    /// README explains each row. An entry is the field's JSON path, in the order of <see cref="Rows"/>.
    /// </summary>
    internal static class RequirementsDue
    {
        /// <summary>The products of the CRA questionnaire (seed 003: "The CRA questionnaire for the end customer").</summary>
        private static readonly string[] CraProducts = { "cra_base_report", "cra_income_insights", "cra_partner_insights" };

        /// <summary>One requirement: the field it names, the products that need it (null: every product), and when it is met.</summary>
        private sealed record Row(string Field, IReadOnlyCollection<string>? Products, Func<JToken?, bool> IsMet);

        private static readonly Row[] Rows =
        {
            // GA create requires these three of every customer; the beta lets them be sent later.
            new("legal_entity_name", null, IsText),
            new("is_diligence_attested", null, IsTrue),
            new("bank_addendum_acceptance", null, a => IsTrue(a?["customer_accepted"]) && IsText(a?["customer_agreement_timestamp"]) && IsText(a?["customer_ip_address"])),

            // Seed 003: "mandatory ... and will be mandatory for all partners by the 1033 compliance deadline".
            new("customer_support_info.email", null, IsText),

            new("questionnaires.cra.purposes", CraProducts, HasAUseCase),
            new("questionnaires.cra.is_third_party_involved", CraProducts, IsBoolean),
            new("questionnaires.cra.is_technical_service_provider_involved", CraProducts, IsBoolean),
        };

        /// <summary>
        /// The fields <paramref name="body"/> still lacks for its products. Absent or empty <c>products</c> means the
        /// reseller's products (seed 002), which in the emulator include no CRA product: only the every-product rows apply.
        /// </summary>
        public static IReadOnlyList<string> For(JObject body)
        {
            var products = (body["products"] as JArray)?.Select(p => (string?)p).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
            return Rows
                .Where(row => row.Products is null || row.Products.Any(products.Contains))
                .Where(row => !row.IsMet(body.SelectToken(row.Field)))
                .Select(row => row.Field)
                .ToList();
        }

        private static bool IsText(JToken? token) => token?.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token);

        private static bool IsTrue(JToken? token) => token?.Type == JTokenType.Boolean && (bool)token;

        private static bool IsBoolean(JToken? token) => token?.Type == JTokenType.Boolean;

        /// <summary>At least one permissible purpose with at least one use case.</summary>
        private static bool HasAUseCase(JToken? purposes) =>
            purposes is JObject map && map.Properties().Any(p => p.Value["use_cases"] is JArray { Count: > 0 });
    }
}
