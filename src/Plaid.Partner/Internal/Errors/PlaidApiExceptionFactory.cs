using System;
using System.Net;
using System.Text;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Turns the <see cref="PlaidFailure"/> a call ended with into the one public <see cref="PlaidApiException"/>. The error
    /// body was read and parsed once already (<see cref="PlaidPartnerApiClient"/>'s response reader): its
    /// <see cref="PlaidError"/> comes with the failure.
    /// </summary>
    internal static class PlaidApiExceptionFactory
    {
        // Plaid's messages are a sentence; anything longer is not worth a multi-megabyte exception message.
        private const int MaxErrorMessageLength = 300;

        public static PlaidApiException Create(string operationPath, Type responseType, PlaidFailure source, string? secret)
        {
            var status = (HttpStatusCode)source.StatusCode;
            var isSuccess = source.IsSuccessStatus;
            var error = isSuccess ? null : RedactStrings(source.Error, secret);
            var snippet = SecretRedactor.Snippet(source.Text, secret);

            var message = new StringBuilder();
            message.Append("Plaid ").Append(operationPath).Append(" failed: HTTP ").Append(source.StatusCode);
            if (source.MaxBytes is { } maxBytes)
            {
                message.Append(" with a response body over ").Append(maxBytes).Append(" bytes");
                if (source.DeclaredLength is { } declared)
                {
                    message.Append(" (Content-Length ").Append(declared).Append(')');
                }

                message.Append(", the limit set by PlaidPartnerOptions.MaxResponseBodyBytes; the rest of the body was not read.");
            }
            else if (error is not null)
            {
                // Whoever answered chose the type, code and request id: the message shows them redacted, escaped and cut.
                message.Append(' ').Append(ResponseFieldText.Of(error.ErrorType.ToString(), secret)).Append('/').Append(ResponseFieldText.Of(error.ErrorCode, secret));
                if (!string.IsNullOrEmpty(error.ErrorMessage))
                {
                    message.Append(": ").Append(SecretRedactor.Snippet(error.ErrorMessage, secret, MaxErrorMessageLength));
                }

                if (!string.IsNullOrEmpty(error.RequestId))
                {
                    message.Append(" (request_id ").Append(ResponseFieldText.Of(error.RequestId, secret)).Append(')');
                }

                if (PartnerErrorHints.For(error.ErrorCode) is { } hint)
                {
                    message.Append(". ").Append(hint);
                }
            }
            else if (isSuccess)
            {
                message.Append(", but the body could not be read as ").Append(responseType.Name).Append(": ")
                    .Append(snippet ?? "(empty body)");
            }
            else
            {
                message.Append(" with a body that is not a Plaid error: ").Append(snippet ?? "(empty body)");
            }

            return new PlaidApiException(message.ToString(), status, error, snippet, source.Headers);
        }

        // The exception's properties are shown and logged as freely as its message, so they get the same redaction.
        private static PlaidError? RedactStrings(PlaidError? error, string? secret)
        {
            if (error is not null)
            {
                // A documented error type cannot hold the secret; any other is the raw string, kept but redacted.
                if (!error.ErrorType.IsKnown && error.ErrorType.ToString() is { Length: > 0 } rawType)
                {
                    error.ErrorType = new PlaidErrorType(SecretRedactor.Redact(rawType, secret));
                }

                error.ErrorCode = SecretRedactor.Redact(error.ErrorCode, secret);
                error.RequestId = error.RequestId is null ? null : SecretRedactor.Redact(error.RequestId, secret);
                error.ErrorMessage = SecretRedactor.Redact(error.ErrorMessage, secret);
                error.DisplayMessage = error.DisplayMessage is null ? null : SecretRedactor.Redact(error.DisplayMessage, secret);
                error.SuggestedAction = error.SuggestedAction is null ? null : SecretRedactor.Redact(error.SuggestedAction, secret);
            }

            return error;
        }
    }
}
