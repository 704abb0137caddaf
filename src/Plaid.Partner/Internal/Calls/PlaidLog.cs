using System;
using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Every log line the client writes, with stable event ids (1xxx) that operators can filter and count. Only paths,
    /// statuses, durations, request ids and error type/code are logged: never headers, bodies, ids of secrets or the secret.
    /// The response's fields come through <see cref="ResponseFieldText"/> (the secret redacted, escaped, cut).
    /// </summary>
    internal static partial class PlaidLog
    {
        [LoggerMessage(EventId = 1000, EventName = "PlaidCallSucceeded", Level = LogLevel.Information,
            Message = "Plaid {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (request_id {RequestId})")]
        public static partial void CallSucceeded(ILogger logger, string path, int statusCode, long elapsedMilliseconds, string? requestId);

        [LoggerMessage(EventId = 1001, EventName = "PlaidCallFailed", Level = LogLevel.Warning,
            Message = "Plaid {Path} failed with {StatusCode} {ErrorType}/{ErrorCode} in {ElapsedMilliseconds} ms (request_id {RequestId})")]
        public static partial void CallFailed(ILogger logger, string path, int statusCode, string? errorType, string? errorCode, long elapsedMilliseconds, string? requestId);

        [LoggerMessage(EventId = 1002, EventName = "PlaidCallRetrying", Level = LogLevel.Information,
            Message = "Plaid {Path} attempt {Attempt} failed ({Reason}); retrying in {DelayMilliseconds} ms")]
        public static partial void Retrying(ILogger logger, string path, int attempt, string reason, long delayMilliseconds);

        [LoggerMessage(EventId = 1003, EventName = "PlaidCallTimedOut", Level = LogLevel.Warning,
            Message = "Plaid {Path} did not complete within {Timeout} ({ElapsedMilliseconds} ms)")]
        public static partial void TimedOut(ILogger logger, string path, TimeSpan timeout, long elapsedMilliseconds);

        [LoggerMessage(EventId = 1004, EventName = "PlaidCallTransportFailed", Level = LogLevel.Warning,
            Message = "Plaid {Path} could not be sent or its response not received ({ExceptionType}) after {ElapsedMilliseconds} ms")]
        public static partial void TransportFailed(ILogger logger, string path, string exceptionType, long elapsedMilliseconds);

        [LoggerMessage(EventId = 1005, EventName = "PlaidCallStarting", Level = LogLevel.Debug,
            Message = "Plaid {Path} starting (retry-safe: {RetrySafe})")]
        public static partial void Starting(ILogger logger, string path, bool retrySafe);
    }
}
