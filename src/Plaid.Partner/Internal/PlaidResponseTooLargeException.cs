using System.Collections.Generic;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// A response body longer than <see cref="PlaidPartnerOptions.MaxResponseBodyBytes"/>, abandoned unread
    /// (<see cref="PlaidResponseBody"/>); <see cref="PlaidApiExceptionFactory"/> words the public error.
    /// </summary>
    internal sealed class PlaidResponseTooLargeException : PlaidGeneratedApiException
    {
        public PlaidResponseTooLargeException(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, int maxBytes, long? declaredLength)
            : base($"The response body is over {maxBytes} bytes.", statusCode, response: null, headers, innerException: null)
        {
            MaxBytes = maxBytes;
            DeclaredLength = declaredLength;
        }

        public int MaxBytes { get; }

        /// <summary>The body's Content-Length, when it had one.</summary>
        public long? DeclaredLength { get; }
    }
}
