using System;

namespace Plaid.Partner.Internal
{
    /// <summary>The check a beta request naming an end customer gets before it is sent.</summary>
    internal static class EndCustomerRequest
    {
        /// <summary>
        /// The contract's required members (<see cref="RequestValidator"/>), then the id itself: the generated model lets a
        /// required string be empty, but a blank <c>end_customer_client_id</c> names no end customer (the GA calls refuse
        /// blank ids the same way).
        /// </summary>
        /// <exception cref="ArgumentException">A required member is missing, or the id is blank; the message names it.</exception>
        public static TRequest Checked<TRequest>(TRequest request, Func<TRequest, string?> endCustomerClientId)
            where TRequest : class
        {
            RequestValidator.Validate(request, nameof(request));
            if (string.IsNullOrWhiteSpace(endCustomerClientId(request)))
            {
                var type = typeof(TRequest).Name;
                throw new ArgumentException($"{type} is not valid: {type}.EndCustomerClientId ('end_customer_client_id') must be a non-empty Plaid id.", nameof(request));
            }

            return request;
        }
    }
}
