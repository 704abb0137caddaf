using System;
using System.Net;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>The one exception the hand-written client throws for a refusal: the status and the parsed error body.</summary>
    internal sealed class HandWrittenPlaidException : Exception
    {
        public HandWrittenPlaidException(HttpStatusCode statusCode, ErrorBody? error)
            : base($"Plaid answered {(int)statusCode}: {error?.ErrorType}/{error?.ErrorCode}: {error?.ErrorMessage}")
        {
            StatusCode = statusCode;
            Error = error;
        }

        public HttpStatusCode StatusCode { get; }

        public ErrorBody? Error { get; }
    }
}
