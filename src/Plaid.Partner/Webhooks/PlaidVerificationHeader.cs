using System;
using System.Collections.Generic;

namespace Plaid.Partner.Webhooks
{
    /// <summary>The <c>Plaid-Verification</c> request header that carries a webhook's signature (a JWT).</summary>
    public static class PlaidVerificationHeader
    {
        /// <summary>The header's canonical name. HTTP/1.x names are case-insensitive and HTTP/2 sends them lower case.</summary>
        public const string Name = "Plaid-Verification";

        /// <summary>Longer headers (8 KB) are rejected before any parsing: Plaid's JWTs are a few hundred characters.</summary>
        public const int MaxLength = 8 * 1024;

        /// <summary>
        /// Finds the header's value in a header collection whose values are lists, such as
        /// <see cref="System.Net.Http.Headers.HttpHeaders"/> or ASP.NET Core's <c>IHeaderDictionary</c>, matching the name
        /// case-insensitively.
        /// </summary>
        /// <typeparam name="TValues">The collection's value type (<c>IEnumerable&lt;string&gt;</c>, <c>StringValues</c>, <c>string[]</c>).</typeparam>
        /// <param name="headers">The request headers.</param>
        /// <returns>
        /// The value, or null when the header is absent. When the header occurs more than once the values are joined with
        /// commas, as HTTP combines repeated fields, which never verifies: a request with two signatures is not Plaid's.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
        public static string? Find<TValues>(IEnumerable<KeyValuePair<string, TValues>> headers)
            where TValues : IEnumerable<string?>
        {
            if (headers is null)
            {
                throw new ArgumentNullException(nameof(headers));
            }

            List<string>? found = null;
            foreach (var header in headers)
            {
                if (IsName(header.Key) && header.Value is not null)
                {
                    foreach (var value in header.Value)
                    {
                        if (value is not null)
                        {
                            (found ??= new List<string>()).Add(value);
                        }
                    }
                }
            }

            return found is null ? null : string.Join(",", found);
        }

        /// <summary>Finds the header's value in a collection of single-valued headers, matching the name case-insensitively.</summary>
        /// <param name="headers">The request headers.</param>
        /// <returns>The value, or null when absent; repeated headers are joined with commas (and so never verify).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
        public static string? Find(IEnumerable<KeyValuePair<string, string>> headers)
        {
            if (headers is null)
            {
                throw new ArgumentNullException(nameof(headers));
            }

            List<string>? found = null;
            foreach (var header in headers)
            {
                if (IsName(header.Key) && header.Value is not null)
                {
                    (found ??= new List<string>()).Add(header.Value);
                }
            }

            return found is null ? null : string.Join(",", found);
        }

        private static bool IsName(string? name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);
    }
}
