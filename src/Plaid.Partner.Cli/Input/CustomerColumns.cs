namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// The columns a file may have: <c>reference</c>, <c>api</c> and the fields of Plaid's <c>/partner/customer/create</c>
    /// and beta <c>/beta/partner/customer/v1/create</c> bodies (Plaid's reseller API reference), nested ones as dotted
    /// names. The README's table is generated from nothing: keep it in step with this list.
    /// </summary>
    internal static class CustomerColumns
    {
        public const string Reference = "reference";

        /// <summary>Which create a row goes to: <c>ga</c> (Plaid's create; the default) or <c>beta</c> (the beta create).</summary>
        public const string Api = "api";

        /// <summary>The longest reference the ledger takes.</summary>
        public const int MaxReferenceLength = Ledger.EndCustomerLedger.MaxReferenceLength;

        public static readonly IReadOnlyList<string> Required = new[]
        {
            Reference, "company_name", "legal_entity_name", "application_name", "website", "is_diligence_attested", "is_bank_addendum_completed",
        };

        public static readonly IReadOnlyList<string> Optional = new[]
        {
            "products", "create_link_customization", "logo", "registration_number", "redirect_uris",
            "address.street", "address.city", "address.region", "address.postal_code", "address.country_code",
            "technical_contact.given_name", "technical_contact.family_name", "technical_contact.email",
            "billing_contact.given_name", "billing_contact.family_name", "billing_contact.email",
            "customer_support_info.email", "customer_support_info.phone_number", "customer_support_info.contact_url", "customer_support_info.link_update_url",
            "assets_under_management.amount", "assets_under_management.iso_currency_code",
            Api, "bank_addendum_acceptance.customer_accepted", "bank_addendum_acceptance.customer_agreement_timestamp", "bank_addendum_acceptance.customer_ip_address",
        };

        /// <summary>Fields of Plaid's create that the beta create does not have.</summary>
        public static readonly IReadOnlyList<string> GaOnly = new[]
        {
            "is_bank_addendum_completed", "registration_number", "assets_under_management.amount", "assets_under_management.iso_currency_code",
        };

        /// <summary>Fields of the beta create that Plaid's create does not have.</summary>
        public static readonly IReadOnlyList<string> BetaOnly = new[]
        {
            "bank_addendum_acceptance.customer_accepted", "bank_addendum_acceptance.customer_agreement_timestamp", "bank_addendum_acceptance.customer_ip_address",
        };

        public static readonly ISet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        static CustomerColumns()
        {
            All.UnionWith(Required);
            All.UnionWith(Optional);
        }
    }
}
