using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// A response's message and content headers in the shape the generated client's exceptions take, collected on first
    /// read. Only error paths read them, so a successful call never copies a header (openapi/templates/Client.Class.liquid).
    /// <see cref="PlaidFailure"/> keeps <see cref="Collected"/> before the response is disposed: the exception must not
    /// keep the response, whose request carries the secret in its headers.
    /// </summary>
    /// <remarks>
    /// On .NET 8 and later the copy reads the headers as received (<c>HttpHeaders.NonValidated</c>), which parses nothing:
    /// a failed call no longer formats a typed <c>Content-Type</c> back into text only to put it in a dictionary.
    /// </remarks>
    internal sealed class LazyResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
    {
        private readonly HttpResponseMessage _response;
        private Dictionary<string, IEnumerable<string>>? _headers;

        public LazyResponseHeaders(HttpResponseMessage response) => _response = response;

        public int Count => Headers.Count;

        public IEnumerable<string> Keys => Headers.Keys;

        public IEnumerable<IEnumerable<string>> Values => Headers.Values;

        /// <summary>The headers as collected: a dictionary of their own, still readable once the response is disposed.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Collected => Headers;

        private Dictionary<string, IEnumerable<string>> Headers => _headers ??= Collect(_response);

        public IEnumerable<string> this[string key] => Headers[key];

        public bool ContainsKey(string key) => Headers.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Headers.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Headers.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>What the stock NSwag template copies eagerly: message headers, then content headers (which win).</summary>
        private static Dictionary<string, IEnumerable<string>> Collect(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            Add(headers, response.Headers);
            if (response.Content?.Headers is { } contentHeaders)
            {
                Add(headers, contentHeaders);
            }

            return headers;
        }

#if NETSTANDARD2_0
        private static void Add(Dictionary<string, IEnumerable<string>> headers, HttpHeaders from)
        {
            foreach (var item in from)
            {
                headers[item.Key] = item.Value;
            }
        }
#else
        private static void Add(Dictionary<string, IEnumerable<string>> headers, HttpHeaders from)
        {
            foreach (var item in from.NonValidated)
            {
                var values = new string[item.Value.Count];
                var i = 0;
                foreach (var value in item.Value)
                {
                    values[i++] = value;
                }

                headers[item.Key] = values;
            }
        }
#endif
    }
}
