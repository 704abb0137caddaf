using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>A transport that never answers until the request is cancelled (MockHttp responders cannot see the token).</summary>
    internal sealed class HangingHandler : HttpMessageHandler
    {
        private readonly Action? _onRequest;
        private int _requests;

        public HangingHandler(Action? onRequest = null)
        {
            _onRequest = onRequest;
        }

        public int Requests => _requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            _onRequest?.Invoke();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
