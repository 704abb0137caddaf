using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// The answers one Plaid path gives, in order, plugged into MockHttp with <c>Respond(HttpMessageHandler)</c> because
    /// some steps (a hang) must see the request's cancellation token. Counts the attempts it received.
    /// </summary>
    internal sealed class ScriptedResponses : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _steps = new();
        private int _attempts;

        public int Attempts => _attempts;

        public static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status, string? retryAfter = null) => _ =>
        {
            var body = $$"""{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR","error_message":"scripted {{(int)status}}","display_message":null,"request_id":"scripted"}""";
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            if (retryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return Task.FromResult(response);
        };

        public static Func<CancellationToken, Task<HttpResponseMessage>> Ok(string body) => _ =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });

        public static Func<CancellationToken, Task<HttpResponseMessage>> Drop() => _ =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException("The response ended prematurely (scripted dropped connection).", new System.IO.IOException("connection reset")));

        public static async Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public ScriptedResponses Then(Func<CancellationToken, Task<HttpResponseMessage>> step)
        {
            _steps.Enqueue(step);
            return this;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return _steps.TryDequeue(out var step)
                ? step(cancellationToken)
                : throw new InvalidOperationException($"No scripted answer left for attempt {_attempts} to {request.RequestUri}.");
        }
    }
}
