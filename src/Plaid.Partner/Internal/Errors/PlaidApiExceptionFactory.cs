using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Turns the <see cref="PlaidFailure"/> a call ended with into the one public <see cref="PlaidApiException"/>. The error
    /// body was read and parsed once already (<see cref="PlaidPartnerApiClient"/>'s response reader): its
    /// <see cref="PlaidError"/> comes with the failure.
    /// </summary>
    internal static class PlaidApiExceptionFactory
    {
        public static PlaidApiException Create(string operationPath, Type responseType, PlaidFailure source, string? secret)
        {
            var status = (HttpStatusCode)source.StatusCode;
            var text = new PlaidRefusalText(operationPath, responseType, source);
            if (!NeedsRedacting(source, text.Error, secret))
            {
                // The usual case: nothing to redact now, so the message and snippet are written if and when they are read.
                return new PlaidApiException(text, status, text.Error, source.Headers);
            }

            // The answer repeats the secret or a secret member (a proxy or a server echoing the request): everything is
            // redacted now (the error in place), so the exception never keeps the secret to redact it later.
            RedactStrings(text.Error, secret);
            return new PlaidApiException(text.Message(secret), status, text.Error, text.Snippet(secret), source.Headers);
        }

        // The body as received (its snippet is redacted of secret members when written), and each field as parsed: a JSON
        // escape can spell the secret in a body that does not hold it.
        private static bool NeedsRedacting(PlaidFailure source, PlaidError? error, string? secret) =>
            SecretRedactor.Contains(source.Text, secret)
            || (error is not null && (SecretRedactor.WouldChange(error.ErrorType.ToString(), secret) || SecretRedactor.WouldChange(error.ErrorCode, secret)
                || SecretRedactor.WouldChange(error.RequestId, secret) || SecretRedactor.WouldChange(error.ErrorMessage, secret)
                || SecretRedactor.WouldChange(error.DisplayMessage, secret) || SecretRedactor.WouldChange(error.SuggestedAction, secret)
                || HasSecretMember(error, secret)));

        // Members the contract does not describe are kept as received, and shown by their ToString: "secret": "…" there
        // is as much a leak as in the message.
        private static bool HasSecretMember(PlaidError error, string? secret)
        {
            foreach (var member in error.AdditionalProperties)
            {
                if (IsSecret(member, secret))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSecret(KeyValuePair<string, PlaidJsonValue> member, string? secret) =>
            SecretRedactor.IsSecretMemberName(member.Key) || SecretRedactor.WouldChange(member.Value.JsonText, secret);

        // The exception's properties are shown and logged as freely as its message, so they get the same redaction.
        private static void RedactStrings(PlaidError? error, string? secret)
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
                foreach (var member in error.AdditionalProperties.Where(m => IsSecret(m, secret)).ToList())
                {
                    error.AdditionalProperties[member.Key] = PlaidJsonValue.FromString(SecretRedactor.Redacted);
                }
            }

        }
    }
}
