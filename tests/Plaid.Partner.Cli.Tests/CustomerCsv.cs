using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Plaid.Partner.Cli.Tests
{
    /// <summary>Writes CSV files of end customers, with rows spoiled on purpose.</summary>
    internal static class CustomerCsv
    {
        public const string Header =
            "reference,company_name,legal_entity_name,application_name,website,products,is_diligence_attested,is_bank_addendum_completed,"
            + "address.city,address.country_code,technical_contact.email";

        public static string Row(int i) => string.Create(
            CultureInfo.InvariantCulture,
            $"cust-{i:D3},Company {i},\"Company {i}, Inc.\",App {i},https://c{i}.example.com,auth;transactions,true,true,Oakland,US,dev{i}@c{i}.example.com");

        /// <summary>A file of <paramref name="count"/> valid rows; <paramref name="replace"/> swaps some rows (by 1-based data row) for bad ones.</summary>
        public static string Write(string folder, int count, IReadOnlyDictionary<int, string>? replace = null, string name = "customers.csv")
        {
            var text = new StringBuilder(Header).Append('\n');
            foreach (var i in Enumerable.Range(1, count))
            {
                text.Append(replace is not null && replace.TryGetValue(i, out var bad) ? bad : Row(i)).Append('\n');
            }

            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text.ToString());
            return path;
        }
    }
}
