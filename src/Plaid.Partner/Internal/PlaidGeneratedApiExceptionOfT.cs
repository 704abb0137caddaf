using System;
using System.Collections.Generic;

namespace Plaid.Partner.Internal
{
    /// <summary>The generated client's error-status exception, carrying the body it managed to deserialize.</summary>
    /// <typeparam name="TResult">The error model.</typeparam>
    internal sealed class PlaidGeneratedApiException<TResult> : PlaidGeneratedApiException
    {
        public PlaidGeneratedApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
            : base(message, statusCode, response, headers, innerException)
        {
            Result = result;
        }

        public TResult Result { get; }
    }
}
