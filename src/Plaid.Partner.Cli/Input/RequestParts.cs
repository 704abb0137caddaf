using System.Globalization;
using System.Net;
using System.Reflection;

namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// The parts of a create body that Plaid's create and the beta create share (products, redirect URIs, address,
    /// contacts, support details), and the beta's bank addendum acceptance, each read and checked from a row's cells.
    /// </summary>
    internal static class RequestParts
    {
        private static readonly Lazy<HashSet<string>> KnownProducts = new(() => typeof(Products)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Products))
            .Select(p => ((Products)p.GetValue(null)!).ToString())
            .ToHashSet(StringComparer.Ordinal));

        public static List<Products>? ProductList(CellReader cells)
        {
            var products = cells.List("products");
            foreach (var unknown in products.Where(p => !KnownProducts.Value.Contains(p)))
            {
                cells.Problem("products", $"'{unknown}' is not a Plaid product; known: {string.Join(", ", KnownProducts.Value.Order(StringComparer.Ordinal))}.");
            }

            return products.Count > 0 ? products.Select(p => new Products(p)).ToList() : null;
        }

        public static List<string>? RedirectUris(CellReader cells)
        {
            var redirects = cells.List("redirect_uris");
            foreach (var bad in redirects.Where(r => !Uri.TryCreate(r, UriKind.Absolute, out _)))
            {
                cells.Problem("redirect_uris", $"'{bad}' is not an absolute URI.");
            }

            return redirects.Count > 0 ? redirects.ToList() : null;
        }

        public static PartnerEndCustomerAddress Address(CellReader cells) => new()
        {
            Street = cells.Text("address.street"),
            City = cells.Text("address.city"),
            Region = cells.Text("address.region"),
            PostalCode = cells.Text("address.postal_code"),
            CountryCode = cells.Code("address.country_code", 2, "US"),
        };

        public static T? Contact<T>(CellReader cells, string prefix, Func<string?, string?, string?, T> create)
            where T : class
        {
            var given = cells.Text($"{prefix}.given_name");
            var family = cells.Text($"{prefix}.family_name");
            var email = cells.Email($"{prefix}.email");
            return given is null && family is null && email is null ? null : create(given, family, email);
        }

        public static PartnerEndCustomerTechnicalContact? TechnicalContact(CellReader cells) =>
            Contact(cells, "technical_contact", (g, f, e) => new PartnerEndCustomerTechnicalContact { GivenName = g, FamilyName = f, Email = e });

        public static PartnerEndCustomerBillingContact? BillingContact(CellReader cells) =>
            Contact(cells, "billing_contact", (g, f, e) => new PartnerEndCustomerBillingContact { GivenName = g, FamilyName = f, Email = e });

        public static PartnerEndCustomerCustomerSupportInfo? SupportInfo(CellReader cells)
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

        public static PartnerEndCustomerAssetsUnderManagement? AssetsUnderManagement(CellReader cells)
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

        /// <summary>The beta's record of the end customer accepting Plaid's bank addendum: whether, when, and from which IP address.</summary>
        public static PartnerEndCustomerBankAddendumAcceptance? BankAddendumAcceptance(CellReader cells)
        {
            var accepted = cells.YesNo("bank_addendum_acceptance.customer_accepted");
            var when = cells.Text("bank_addendum_acceptance.customer_agreement_timestamp");
            var address = cells.Text("bank_addendum_acceptance.customer_ip_address");
            DateTimeOffset? timestamp = null;
            if (when is not null)
            {
                if (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    timestamp = parsed;
                }
                else
                {
                    cells.Problem("bank_addendum_acceptance.customer_agreement_timestamp", $"'{when}' is not a date and time such as 2026-12-01T14:30:00Z.");
                }
            }

            if (address is not null && !IPAddress.TryParse(address, out _))
            {
                cells.Problem("bank_addendum_acceptance.customer_ip_address", $"'{address}' is not an IP address such as 203.0.113.7.");
            }

            return accepted is null && when is null && address is null
                ? null
                : new PartnerEndCustomerBankAddendumAcceptance { CustomerAccepted = accepted, CustomerAgreementTimestamp = timestamp, CustomerIpAddress = address };
        }
    }
}
