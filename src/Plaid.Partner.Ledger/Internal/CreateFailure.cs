using System.Net.Http;
using System.Net.Sockets;

namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// What a failed create means for sending it again. Only two answers allow it: Plaid's own refusal (a 4xx carrying a
    /// Plaid error, so Plaid read the request and made nothing) and a failure before any byte left (no connection). All
    /// else, a timeout, a connection lost after sending, a 5xx or an unreadable answer, leaves the outcome unknown.
    /// </summary>
    internal static class CreateFailure
    {
        public static (EndCustomerCreateState State, EndCustomerCreateError Error) Classify(Exception exception)
        {
            switch (exception)
            {
                case PlaidApiException api:
                    var refused = (int)api.StatusCode is >= 400 and < 500 && api.Error is not null;
                    return (
                        refused ? EndCustomerCreateState.Refused : EndCustomerCreateState.InDoubt,
                        new EndCustomerCreateError(api.StatusCode, api.ErrorType?.ToString() ?? nameof(PlaidApiException), api.ErrorCode, api.ErrorMessage, api.RequestId));
                case PlaidProductionOnlyException or ArgumentException:
                    // The client refused before sending.
                    return (EndCustomerCreateState.NotSent, Describe(exception));
                default:
                    return (NothingLeft(exception) ? EndCustomerCreateState.NotSent : EndCustomerCreateState.InDoubt, Describe(exception));
            }
        }

        /// <summary>Whether the failure happened before a connection existed, so the request cannot have been sent.</summary>
        private static bool NothingLeft(Exception exception)
        {
            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is HttpRequestException http
                    && http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError)
                {
                    return true;
                }

                if (current is SocketException socket
                    && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable)
                {
                    return true;
                }
            }

            return false;
        }

        // The exception's type and message: the client keeps secrets out of its messages, and the ledger adds none.
        private static EndCustomerCreateError Describe(Exception exception) =>
            new(httpStatus: null, errorType: exception.GetType().Name, errorCode: null, errorMessage: Cut(exception.Message), requestId: null);

        private static string Cut(string message) => message.Length <= 500 ? message : message.Substring(0, 500);
    }
}
