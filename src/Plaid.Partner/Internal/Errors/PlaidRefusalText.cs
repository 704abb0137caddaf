using System;
using System.Text;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The text of a <see cref="PlaidApiException"/> built from a <see cref="PlaidFailure"/>: its message and the redacted
    /// excerpt of the body. <see cref="PlaidApiExceptionFactory"/> has it written when the exception is first read, not when
    /// it is thrown, because most callers catch by <see cref="PlaidApiException.ErrorCode"/> and never read either.
    /// </summary>
    /// <remarks>
    /// It keeps only what Plaid answered. When that holds the partner secret, the factory writes the text at once with the
    /// secret redacted (the <c>knownSecret</c> arguments), so no exception ever keeps the secret to redact it later.
    /// </remarks>
    internal sealed class PlaidRefusalText
    {
        // Plaid's messages are a sentence; anything longer is not worth a multi-megabyte exception message.
        private const int MaxErrorMessageLength = 300;

        private readonly string _operationPath;
        private readonly Type _responseType;
        private readonly PlaidFailure _source;

        /// <param name="operationPath">The operation's path, such as <c>/partner/customer/get</c>.</param>
        /// <param name="responseType">The response the call expected, named when a success status could not be read.</param>
        /// <param name="source">The answer, its error already redacted when it held a secret.</param>
        public PlaidRefusalText(string operationPath, Type responseType, PlaidFailure source)
        {
            _operationPath = operationPath;
            _responseType = responseType;
            _source = source;
        }

        /// <summary>The error the exception carries: the answer's, unless its status was a success.</summary>
        public PlaidError? Error => _source.IsSuccessStatus ? null : _source.Error;

        /// <summary>A single-line, secret-free excerpt of the body; null for an empty one.</summary>
        public string? Snippet(string? knownSecret = null) => SecretRedactor.Snippet(_source.Text, knownSecret);

        /// <summary>What the call asked, what came back, and what Plaid said of it, with the error's fields redacted, escaped and cut.</summary>
        public string Message(string? knownSecret = null)
        {
            var message = new StringBuilder(256);
            message.Append("Plaid ").Append(_operationPath).Append(" failed: HTTP ").Append(_source.StatusCode);
            if (_source.MaxBytes is { } maxBytes)
            {
                message.Append(" with a response body over ").Append(maxBytes).Append(" bytes");
                if (_source.DeclaredLength is { } declared)
                {
                    message.Append(" (Content-Length ").Append(declared).Append(')');
                }

                message.Append(", the limit set by PlaidPartnerOptions.MaxResponseBodyBytes; the rest of the body was not read.");
            }
            else if (Error is { } error)
            {
                // Whoever answered chose the type, code and request id: the message shows them redacted, escaped and cut.
                message.Append(' ').Append(ResponseFieldText.Of(error.ErrorType.ToString(), knownSecret)).Append('/').Append(ResponseFieldText.Of(error.ErrorCode, knownSecret));
                if (!string.IsNullOrEmpty(error.ErrorMessage))
                {
                    message.Append(": ").Append(SecretRedactor.Snippet(error.ErrorMessage, knownSecret, MaxErrorMessageLength));
                }

                if (!string.IsNullOrEmpty(error.RequestId))
                {
                    message.Append(" (request_id ").Append(ResponseFieldText.Of(error.RequestId, knownSecret)).Append(')');
                }

                if (PartnerErrorHints.For(error.ErrorCode) is { } hint)
                {
                    message.Append(". ").Append(hint);
                }
            }
            else if (_source.IsSuccessStatus)
            {
                message.Append(", but the body could not be read as ").Append(_responseType.Name).Append(": ")
                    .Append(Snippet(knownSecret) ?? "(empty body)");
            }
            else
            {
                message.Append(" with a body that is not a Plaid error: ").Append(Snippet(knownSecret) ?? "(empty body)");
            }

            return message.ToString();
        }
    }
}
