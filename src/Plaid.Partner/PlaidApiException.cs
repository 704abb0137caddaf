using System;
using System.Collections.Generic;
using System.Net;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// Thrown for every Plaid call that did not produce the documented response: an error status with a
    /// <c>PlaidError</c> body, an error status with a body that is not one, or a success status whose body could not
    /// be read. Carries the HTTP status, the parsed <see cref="PlaidError"/> when there was one, and a short,
    /// secret-free snippet of the raw body.
    /// </summary>
    public class PlaidApiException : Exception
    {
        // Set when the client threw this: the message and snippet are written on first read (PlaidRefusalText).
        private readonly PlaidRefusalText? _text;
        private string? _message;
        private string? _responseBodySnippet;

        /// <summary>Creates an exception; the client builds these, tests and mocks may too.</summary>
        /// <param name="message">The message.</param>
        /// <param name="statusCode">The HTTP status of the response.</param>
        /// <param name="error">The parsed Plaid error, if the body was one.</param>
        /// <param name="responseBodySnippet">A short excerpt of the body with secrets redacted.</param>
        /// <param name="responseHeaders">The response headers.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public PlaidApiException(
            string message,
            HttpStatusCode statusCode,
            PlaidError? error,
            string? responseBodySnippet,
            IReadOnlyDictionary<string, IEnumerable<string>>? responseHeaders = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            Error = error;
            _responseBodySnippet = responseBodySnippet;
            ResponseHeaders = responseHeaders ?? new Dictionary<string, IEnumerable<string>>();
        }

        internal PlaidApiException(PlaidRefusalText text, HttpStatusCode statusCode, PlaidError? error, IReadOnlyDictionary<string, IEnumerable<string>> responseHeaders)
            : base(message: null)
        {
            _text = text;
            StatusCode = statusCode;
            Error = error;
            ResponseHeaders = responseHeaders;
        }

        /// <summary>
        /// What failed and what Plaid said, with secrets redacted. Written on first read for the exceptions the client
        /// throws: a caller that handles the error by <see cref="ErrorCode"/> pays nothing for it.
        /// </summary>
        public override string Message => _text is null ? base.Message : _message ??= _text.Message();

        /// <summary>The HTTP status of the response.</summary>
        public HttpStatusCode StatusCode { get; }

        /// <summary>The Plaid error from the body, or null when the body was not a Plaid error.</summary>
        public PlaidError? Error { get; }

        /// <summary>A broad, typed categorization of the error; an unknown value keeps its raw string.</summary>
        public PlaidErrorType? ErrorType => Error?.ErrorType;

        /// <summary>The particular error code, e.g. <see cref="PlaidPartnerErrorCodes.CustomerNotFound"/>. Safe for programmatic use.</summary>
        public string? ErrorCode => Error?.ErrorCode;

        /// <summary>A developer-friendly message from Plaid; not safe for programmatic use.</summary>
        public string? ErrorMessage => Error?.ErrorMessage;

        /// <summary>A user-friendly message from Plaid, or null when the error is not related to user action.</summary>
        public string? DisplayMessage => Error?.DisplayMessage;

        /// <summary>The request id to quote to Plaid support.</summary>
        public string? RequestId => Error?.RequestId;

        /// <summary>The specific reason for the error code, when Plaid gives one.</summary>
        public PlaidErrorCodeReason? ErrorCodeReason => Error?.ErrorCodeReason;

        /// <summary>The URL of a Plaid documentation page about the error.</summary>
        public string? DocumentationUrl => Error?.DocumentationUrl;

        /// <summary>Suggested steps for resolving the error.</summary>
        public string? SuggestedAction => Error?.SuggestedAction;

        /// <summary>True when Plaid said <c>PARTNER_ERROR</c>.</summary>
        public bool IsPartnerError => ErrorType == PlaidErrorType.PartnerError;

        /// <summary>At most a few hundred characters of the response body, with secrets redacted; null when empty.</summary>
        public string? ResponseBodySnippet => _text is null ? _responseBodySnippet : _responseBodySnippet ??= _text.Snippet();

        /// <summary>The response headers.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> ResponseHeaders { get; }
    }
}
