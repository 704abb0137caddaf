using System;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Every line the webhook endpoint logs, with stable event ids (2xxx; the client's are 1xxx). No line holds the body
    /// or a header whole. A refusal logs the verifier's reason and its one-line message, which may show values read from
    /// the <c>Plaid-Verification</c> JWT (its <c>kid</c>, <c>alg</c> or a repeated member name, quoted, escaped and cut to
    /// 64 characters; its <c>iat</c>; the header's length), the body's length and, when the key fetch failed, the
    /// client's error message (secrets redacted); never the token itself, its signature or the body's hash claim.
    /// </summary>
    internal static partial class WebhookEndpointLog
    {
        [LoggerMessage(EventId = 2000, EventName = "PlaidWebhookHandled", Level = LogLevel.Information,
            Message = "Handled a Plaid {WebhookType} {WebhookCode} webhook with {HandlerCount} handler(s)")]
        public static partial void Handled(ILogger logger, string? webhookType, string? webhookCode, int handlerCount);

        [LoggerMessage(EventId = 2001, EventName = "PlaidWebhookRefused", Level = LogLevel.Warning,
            Message = "Refused a webhook that failed Plaid verification: {Reason}: {Detail}; answered 400")]
        public static partial void Refused(ILogger logger, WebhookVerificationFailureReason reason, string detail);

        [LoggerMessage(EventId = 2002, EventName = "PlaidWebhookNotVerifiable", Level = LogLevel.Error,
            Message = "Could not verify a webhook because Plaid's key could not be fetched: {Reason}: {Detail}; answered 503, so Plaid delivers it again")]
        public static partial void NotVerifiable(ILogger logger, WebhookVerificationFailureReason reason, string detail);

        [LoggerMessage(EventId = 2003, EventName = "PlaidWebhookTooLarge", Level = LogLevel.Warning,
            Message = "Refused a webhook body over {MaxBodyBytes} bytes (Content-Length {ContentLength}); answered 413 without reading the rest")]
        public static partial void TooLarge(ILogger logger, int maxBodyBytes, long? contentLength);

        [LoggerMessage(EventId = 2004, EventName = "PlaidWebhookUnparseable", Level = LogLevel.Error,
            Message = "A webhook Plaid signed is not one this library can read: {Problem}")]
        public static partial void Unparseable(ILogger logger, string problem);

        [LoggerMessage(EventId = 2005, EventName = "PlaidWebhookHandlerFailed", Level = LogLevel.Error,
            Message = "A handler of a Plaid {WebhookType} {WebhookCode} webhook failed; answered 500, so Plaid delivers it again")]
        public static partial void HandlerFailed(ILogger logger, string? webhookType, string? webhookCode, Exception exception);

        [LoggerMessage(EventId = 2006, EventName = "PlaidWebhookUnhandled", Level = LogLevel.Information,
            Message = "No handler is registered for a verified Plaid {WebhookType} {WebhookCode} webhook; answered 200")]
        public static partial void Unhandled(ILogger logger, string? webhookType, string? webhookCode);

        [LoggerMessage(EventId = 2007, EventName = "PlaidWebhookDuplicate", Level = LogLevel.Information,
            Message = "A Plaid webhook delivery whose token was already handled arrived again; answered 200 without handling it")]
        public static partial void Duplicate(ILogger logger);

        [LoggerMessage(EventId = 2008, EventName = "PlaidWebhookDuplicateStoreFailed", Level = LogLevel.Warning,
            Message = "The distributed cache of handled webhook tokens failed to {Operation}; the delivery is treated as new")]
        public static partial void DuplicateStoreFailed(ILogger logger, string operation, Exception exception);

        [LoggerMessage(EventId = 2009, EventName = "PlaidWebhookAborted", Level = LogLevel.Debug,
            Message = "The webhook request was aborted before it was answered")]
        public static partial void Aborted(ILogger logger);
    }
}
