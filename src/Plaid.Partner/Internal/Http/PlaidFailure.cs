using System.Collections.Generic;
using System.Linq;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// An answer that was not the documented response, as a value: an error status with whatever error the one parse of
    /// its body found, a success status whose body could not be read, or a body over the size limit. The generated client
    /// returns it (openapi/templates/Client.Class.ProcessResponse.liquid) instead of throwing, the retry rules judge it
    /// (<see cref="PlaidRetryRules"/>), and <see cref="PlaidApiExceptionFactory"/> turns it into the one exception the call
    /// throws.
    /// </summary>
    internal sealed class PlaidFailure
    {
        public PlaidFailure(int statusCode, string? text, IReadOnlyDictionary<string, IEnumerable<string>> headers, PlaidError? error)
        {
            StatusCode = statusCode;
            Text = text;
            // Taken now: the exception must not keep the response, whose request carries the secret in its headers.
            Headers = headers is LazyResponseHeaders lazy ? lazy.Collected : headers.ToDictionary(h => h.Key, h => h.Value);
            Error = error;
        }

        public int StatusCode { get; }

        /// <summary>The body as text, when it was read; null for a body over the limit.</summary>
        public string? Text { get; }

        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

        /// <summary>The Plaid error in the body, when the status is an error and the body is one.</summary>
        public PlaidError? Error { get; }

        /// <summary>Set when the body was abandoned at <see cref="PlaidPartnerOptions.MaxResponseBodyBytes"/>.</summary>
        public int? MaxBytes { get; init; }

        /// <summary>The body's Content-Length, when it had one (with <see cref="MaxBytes"/>).</summary>
        public long? DeclaredLength { get; init; }

        public bool IsSuccessStatus => StatusCode is >= 200 and < 300;
    }
}
