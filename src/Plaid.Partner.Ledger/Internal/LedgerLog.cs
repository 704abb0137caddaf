using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// The ledger's log lines. They carry the partner's reference, the create state and Plaid's error code or the
    /// failure's type, never a request body, a secret or a connection string.
    /// </summary>
    internal static class LedgerLog
    {
        private static readonly Action<ILogger, string, Exception?> AlreadyRecordedLine = LoggerMessage.Define<string>(
            LogLevel.Information, new EventId(1, "AlreadyRecorded"), "Ledger: reference {Reference} is already recorded; no create sent");

        private static readonly Action<ILogger, string, string, Exception?> CreatedLine = LoggerMessage.Define<string, string>(
            LogLevel.Information, new EventId(2, "Created"), "Ledger: reference {Reference} created as client_id {ClientId}");

        private static readonly Action<ILogger, string, string?, string?, Exception?> RefusedLine = LoggerMessage.Define<string, string?, string?>(
            LogLevel.Warning, new EventId(3, "Refused"), "Ledger: Plaid refused the create of reference {Reference}: {ErrorType} {ErrorCode}");

        private static readonly Action<ILogger, string, string?, Exception?> InDoubtLine = LoggerMessage.Define<string, string?>(
            LogLevel.Error,
            new EventId(4, "InDoubt"),
            "Ledger: the create of reference {Reference} is in doubt ({Failure}); it will not be sent again until an operator settles it from Plaid's Dashboard");

        private static readonly Action<ILogger, string, string?, Exception?> NotSentLine = LoggerMessage.Define<string, string?>(
            LogLevel.Warning, new EventId(5, "NotSent"), "Ledger: the create of reference {Reference} never left this machine ({Failure}); it may be sent again");

        private static readonly Action<ILogger, string, Exception?> NotRecordedLine = LoggerMessage.Define<string>(
            LogLevel.Critical,
            new EventId(6, "CreatedNotRecorded"),
            "Ledger: Plaid created reference {Reference} but the store failed to record it; settle it with the client_id the call returned");

        private static readonly Action<ILogger, string, string, Exception?> SettledLine = LoggerMessage.Define<string, string>(
            LogLevel.Information, new EventId(7, "Settled"), "Ledger: reference {Reference} settled as {CreateState}");

        private static readonly Action<ILogger, string, string, string?, Exception?> StuckLine = LoggerMessage.Define<string, string, string?>(
            LogLevel.Warning, new EventId(8, "RegistrationStuck"), "Ledger: the OAuth registration of reference {Reference} with {InstitutionId} is stuck ({OAuthStatus})");

        private static readonly Action<ILogger, string, string, Exception?> HandlerFailedLine = LoggerMessage.Define<string, string>(
            LogLevel.Error, new EventId(9, "EventHandlerFailed"), "Ledger: an IEndCustomerEvents handler failed on {Kind} of reference {Reference}; the change stays recorded");

        private static readonly Action<ILogger, string, string, Exception?> RemovedLine = LoggerMessage.Define<string, string>(
            LogLevel.Information, new EventId(10, "Removed"), "Ledger: reference {Reference} (client_id {ClientId}) removed at Plaid; it is no longer refreshed");

        public static void Removed(ILogger logger, string reference, string clientId) => RemovedLine(logger, reference, clientId, null);

        public static void Stuck(ILogger logger, string reference, string institutionId, string? status) => StuckLine(logger, reference, institutionId, status, null);

        public static void HandlerFailed(ILogger logger, string kind, string reference, Exception exception) => HandlerFailedLine(logger, kind, reference, exception);

        public static void AlreadyRecorded(ILogger logger, string reference) => AlreadyRecordedLine(logger, reference, null);

        public static void Created(ILogger logger, string reference, string clientId) => CreatedLine(logger, reference, clientId, null);

        public static void Refused(ILogger logger, string reference, EndCustomerCreateError error) => RefusedLine(logger, reference, error.ErrorType, error.ErrorCode, null);

        public static void InDoubt(ILogger logger, string reference, EndCustomerCreateError error) => InDoubtLine(logger, reference, error.ErrorType, null);

        public static void NotSent(ILogger logger, string reference, EndCustomerCreateError error) => NotSentLine(logger, reference, error.ErrorType, null);

        public static void NotRecorded(ILogger logger, string reference) => NotRecordedLine(logger, reference, null);

        public static void Settled(ILogger logger, string reference, EndCustomerCreateState state) => SettledLine(logger, reference, state.ToString(), null);
    }
}
