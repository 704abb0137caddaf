using System;
using System.Net;
using System.Text;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Turns whatever the generated client threw into the one public <see cref="PlaidApiException"/>. The error body was
    /// read and parsed once already (<see cref="PlaidPartnerApiClient"/>'s response reader): its <see cref="PlaidError"/>
    /// comes with the exception.
    /// </summary>
    internal static class PlaidApiExceptionFactory
    {
        // Plaid's messages are a sentence; anything longer is not worth a multi-megabyte exception message.
        private const int MaxErrorMessageLength = 300;

        public static PlaidApiException Create(string operationPath, Type responseType, PlaidGeneratedApiException source, string? secret)
        {
            var status = (HttpStatusCode)source.StatusCode;
            var isSuccess = source.StatusCode is >= 200 and < 300;
            var error = isSuccess || source is not PlaidGeneratedApiException<PlaidError?> withError ? null : RedactStrings(withError.Result, secret);
            var snippet = SecretRedactor.Snippet(source.Response, secret);

            var message = new StringBuilder();
            message.Append("Plaid ").Append(operationPath).Append(" failed: HTTP ").Append(source.StatusCode);
            if (source is PlaidResponseTooLargeException tooLarge)
            {
                message.Append(" with a response body over ").Append(tooLarge.MaxBytes).Append(" bytes");
                if (tooLarge.DeclaredLength is { } declared)
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

            // The inner exception's message can quote the body; keep it only when no body text was involved.
            var inner = source.InnerException is Newtonsoft.Json.JsonException ? null : source.InnerException;
            return new PlaidApiException(message.ToString(), status, error, snippet, source.Headers, inner);
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
