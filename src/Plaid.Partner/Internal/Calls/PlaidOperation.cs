using System;

namespace Plaid.Partner.Internal
{
    /// <summary>One Plaid operation, described once in <see cref="PlaidOperations"/>: its path, its kind and its generated call.</summary>
    /// <typeparam name="TRequest">The generated request model.</typeparam>
    /// <typeparam name="TResponse">The generated response model.</typeparam>
    internal sealed class PlaidOperation<TRequest, TResponse>
        where TRequest : class
        where TResponse : class, IPlaidResponse
    {
        public PlaidOperation(string path, PlaidCallKind kind, GeneratedOperation<TRequest, TResponse> send, Func<TRequest, string?>? endCustomerClientId = null)
        {
            Path = path;
            Kind = kind;
            Send = send;
            EndCustomerClientId = endCustomerClientId;
        }

        /// <summary>The path, e.g. <c>/partner/customer/get</c>: in messages, logs and telemetry.</summary>
        public string Path { get; }

        public PlaidCallKind Kind { get; }

        /// <summary>Sends one attempt through the generated client.</summary>
        public GeneratedOperation<TRequest, TResponse> Send { get; }

        /// <summary>
        /// For a request the caller builds that names an end customer: the id, checked to be non-blank before sending (the
        /// generated model lets a required string be empty, but a blank id names no end customer).
        /// </summary>
        public Func<TRequest, string?>? EndCustomerClientId { get; }

        /// <summary>
        /// The caller built the request (creates, and beta calls naming an end customer), so it is checked against the
        /// contract before sending; the library builds the others from an id it has checked.
        /// </summary>
        public bool ChecksRequest => Kind is PlaidCallKind.CreateInProduction or PlaidCallKind.SandboxSample || EndCustomerClientId is not null;

        /// <summary>True when the call may be sent again after a transient failure.</summary>
        public bool RetrySafe => Kind == PlaidCallKind.Read;
    }
}
