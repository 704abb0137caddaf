using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// Checks every row before anything is sent and builds its create request: each bad cell is a problem with its row
    /// and column; a reference used twice in the file, and a column this tool does not know, are problems too (a typo
    /// in a header would otherwise drop that field from every customer without a word).
    /// </summary>
    internal static class RowValidator
    {
        private static readonly Lazy<HashSet<string>> KnownProducts = new(() => typeof(Products)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Products))
            .Select(p => ((Products)p.GetValue(null)!).ToString())
            .ToHashSet(StringComparer.Ordinal));

        public static (IReadOnlyList<ValidRow> Valid, IReadOnlyList<RowProblem> Problems) Validate(IReadOnlyList<RawRow> rows)
        {
            var valid = new List<ValidRow>();
            var problems = new List<RowProblem>();
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var unknownReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                var before = problems.Count;
                var unknownColumns = row.Values.Keys.Where(k => !CustomerColumns.All.Contains(k)).ToList();
                foreach (var column in unknownColumns.Where(unknownReported.Add))
                {
                    // Said once, at the first row that has it; every row with it stays unsent, as its field would be lost.
                    problems.Add(new RowProblem(row.Number, column, "is not a column this tool knows; see 'plaid-partner onboard --help'."));
                }

                var cells = new CellReader(row, problems);
                var reference = cells.Text(CustomerColumns.Reference, required: true, maxLength: CustomerColumns.MaxReferenceLength);
                if (reference is not null && !firstRowOf.TryAdd(reference, row.Number))
                {
                    cells.Problem(CustomerColumns.Reference, $"'{reference}' is also the reference of row {firstRowOf[reference]}; each end customer needs its own.");
                }

                var request = Build(cells);
                if (problems.Count == before && unknownColumns.Count == 0 && reference is not null)
                {
                    valid.Add(new ValidRow(row.Number, reference, request));
                }
            }

            return (valid, problems);
        }

        private static PartnerCustomerCreateRequest Build(CellReader cells)
        {
            var request = new PartnerCustomerCreateRequest
            {
                CompanyName = cells.Text("company_name", required: true)!,
                LegalEntityName = cells.Text("legal_entity_name", required: true)!,
                ApplicationName = cells.Text("application_name", required: true)!,
                Website = cells.WebAddress("website", required: true)!,
                IsDiligenceAttested = cells.YesNo("is_diligence_attested", required: true) ?? false,
                IsBankAddendumCompleted = cells.YesNo("is_bank_addendum_completed", required: true) ?? false,
                CreateLinkCustomization = cells.YesNo("create_link_customization"),
                Logo = cells.Text("logo", maxLength: 1_000_000),
                RegistrationNumber = cells.Text("registration_number"),
                Address = new PartnerEndCustomerAddress
                {
                    Street = cells.Text("address.street"),
                    City = cells.Text("address.city"),
                    Region = cells.Text("address.region"),
                    PostalCode = cells.Text("address.postal_code"),
                    CountryCode = cells.Code("address.country_code", 2, "US"),
                },
            };

            var products = cells.List("products");
            foreach (var unknown in products.Where(p => !KnownProducts.Value.Contains(p)))
            {
                cells.Problem("products", $"'{unknown}' is not a Plaid product; known: {string.Join(", ", KnownProducts.Value.Order(StringComparer.Ordinal))}.");
            }

            request.Products = products.Count > 0 ? products.Select(p => new Products(p)).ToList() : null;
            var redirects = cells.List("redirect_uris");
            foreach (var bad in redirects.Where(r => !Uri.TryCreate(r, UriKind.Absolute, out _)))
            {
                cells.Problem("redirect_uris", $"'{bad}' is not an absolute URI.");
            }

            request.RedirectUris = redirects.Count > 0 ? redirects.ToList() : null;
            request.TechnicalContact = Contact(cells, "technical_contact", (g, f, e) => new PartnerEndCustomerTechnicalContact { GivenName = g, FamilyName = f, Email = e });
            request.BillingContact = Contact(cells, "billing_contact", (g, f, e) => new PartnerEndCustomerBillingContact { GivenName = g, FamilyName = f, Email = e });
            request.CustomerSupportInfo = SupportInfo(cells);
            request.AssetsUnderManagement = AssetsUnderManagement(cells);
            return request;
        }

        private static T? Contact<T>(CellReader cells, string prefix, Func<string?, string?, string?, T> create)
            where T : class
        {
            var given = cells.Text($"{prefix}.given_name");
            var family = cells.Text($"{prefix}.family_name");
            var email = cells.Email($"{prefix}.email");
            return given is null && family is null && email is null ? null : create(given, family, email);
        }

        private static PartnerEndCustomerCustomerSupportInfo? SupportInfo(CellReader cells)
        {
            var info = new PartnerEndCustomerCustomerSupportInfo
            {
                Email = cells.Email("customer_support_info.email"),
                PhoneNumber = cells.Text("customer_support_info.phone_number"),
                ContactUrl = cells.WebAddress("customer_support_info.contact_url"),
                LinkUpdateUrl = cells.WebAddress("customer_support_info.link_update_url"),
            };
            return info.Email is null && info.PhoneNumber is null && info.ContactUrl is null && info.LinkUpdateUrl is null ? null : info;
        }

        private static PartnerEndCustomerAssetsUnderManagement? AssetsUnderManagement(CellReader cells)
        {
            var amount = cells.Amount("assets_under_management.amount");
            var currency = cells.Code("assets_under_management.iso_currency_code", 3, "USD");
            if (amount is null != currency is null)
            {
                cells.Problem(amount is null ? "assets_under_management.amount" : "assets_under_management.iso_currency_code", "give both the amount and its currency, or neither.");
                return null;
            }

            return amount is null ? null : new PartnerEndCustomerAssetsUnderManagement { Amount = amount.Value, IsoCurrencyCode = currency! };
        }
    }
}
