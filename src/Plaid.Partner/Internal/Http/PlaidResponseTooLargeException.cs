using System;
using System.Collections.Generic;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// A response body longer than <see cref="PlaidPartnerOptions.MaxResponseBodyBytes"/>, abandoned unread
    /// (<see cref="PlaidResponseBody"/>). It leaves the body reader this way because the generated client reads bodies
    /// through it; the call path takes its <see cref="Failure"/> and <see cref="PlaidApiExceptionFactory"/> words the
    /// public error.
    /// </summary>
    internal sealed class PlaidResponseTooLargeException : Exception
    {
        public PlaidResponseTooLargeException(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, int maxBytes, long? declaredLength)
            : base($"The response body is over {maxBytes} bytes.")
        {
            Failure = new PlaidFailure(statusCode, text: null, headers, error: null) { MaxBytes = maxBytes, DeclaredLength = declaredLength };
        }

        public PlaidFailure Failure { get; }
    }
}
