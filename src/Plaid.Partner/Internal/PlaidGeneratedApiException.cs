using System;
using System.Collections.Generic;
using System.Linq;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The exception the generated client throws (nswag.json: exceptionClass, generateExceptionClasses=false, so
    /// it is written here and stays internal). <see cref="PlaidPartnerClient"/> turns it into <see cref="PlaidApiException"/>.
    /// </summary>
    internal class PlaidGeneratedApiException : Exception
    {
        public PlaidGeneratedApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            Response = response;
            // A copy, taken now: the generated client disposes the response once this exception leaves it.
            Headers = headers.ToDictionary(h => h.Key, h => h.Value);
        }

        public int StatusCode { get; }

        public string? Response { get; }

        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
    }
}
