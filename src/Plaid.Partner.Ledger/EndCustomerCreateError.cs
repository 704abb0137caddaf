using System.Net;

namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// Why the last create of a record failed, as recorded: Plaid's error for a refusal, or the kind of failure for a create
    /// that did not get an answer. Plaid's error fields are kept as Plaid sent them (the client has already redacted any
    /// secret from them).
    /// </summary>
    public sealed class EndCustomerCreateError
    {
        /// <summary>Creates a recorded error.</summary>
        /// <param name="httpStatus">The HTTP status, when an answer came.</param>
        /// <param name="errorType">Plaid's <c>error_type</c>, or the kind of failure (e.g. <c>TimeoutException</c>).</param>
        /// <param name="errorCode">Plaid's <c>error_code</c>, when it sent one.</param>
        /// <param name="errorMessage">Plaid's <c>error_message</c>, or a description of the failure.</param>
        /// <param name="requestId">Plaid's <c>request_id</c>, when it sent one.</param>
        public EndCustomerCreateError(HttpStatusCode? httpStatus, string? errorType, string? errorCode, string? errorMessage, string? requestId)
        {
            HttpStatus = httpStatus;
            ErrorType = errorType;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            RequestId = requestId;
        }

        /// <summary>The HTTP status, when an answer came.</summary>
        public HttpStatusCode? HttpStatus { get; }

        /// <summary>Plaid's <c>error_type</c>, or the kind of failure (e.g. <c>TimeoutException</c>).</summary>
        public string? ErrorType { get; }

        /// <summary>Plaid's <c>error_code</c>, when it sent one.</summary>
        public string? ErrorCode { get; }

        /// <summary>Plaid's <c>error_message</c>, or a description of the failure.</summary>
        public string? ErrorMessage { get; }

        /// <summary>Plaid's <c>request_id</c>, when it sent one.</summary>
        public string? RequestId { get; }

        /// <inheritdoc />
        public override string ToString() =>
            $"{(HttpStatus is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty)}{ErrorType} {ErrorCode}: {ErrorMessage}".Trim();
    }
}
