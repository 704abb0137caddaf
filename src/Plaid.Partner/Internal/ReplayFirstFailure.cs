using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The attempts of one call inside the retry pipeline (<see cref="PlaidResilience.RetryAsync{TRequest, TResponse}"/>):
    /// the first time the pipeline asks, it fails with the failure <see cref="PlaidCallPipeline"/> already saw on its own
    /// first attempt; every later time it sends the request again, the same way the first attempt did.
    /// </summary>
    internal sealed class ReplayFirstFailure<TRequest, TResponse>
    {
        private readonly PlaidPartnerApiClient _api;
        private readonly HttpClient _http;
        private readonly TRequest _body;
        private readonly GeneratedOperation<TRequest, TResponse> _send;
        private Exception? _firstFailure;
        private int _attempts = 1;

        public ReplayFirstFailure(Exception firstFailure, PlaidPartnerApiClient api, HttpClient http, TRequest body, GeneratedOperation<TRequest, TResponse> send)
        {
            _firstFailure = firstFailure;
            _api = api;
            _http = http;
            _body = body;
            _send = send;
        }

        /// <summary>Requests sent for the call so far, the first attempt included.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        public ValueTask<TResponse> NextAsync(CancellationToken cancellationToken)
        {
            var replay = Interlocked.Exchange(ref _firstFailure, null);
            if (replay is not null)
            {
                return new ValueTask<TResponse>(Task.FromException<TResponse>(replay));
            }

            Interlocked.Increment(ref _attempts);
            return new ValueTask<TResponse>(_send(_api, _http, _body, cancellationToken));
        }
    }
}
