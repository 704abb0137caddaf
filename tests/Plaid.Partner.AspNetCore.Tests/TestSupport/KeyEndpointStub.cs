using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.Testing;

namespace Plaid.Partner.AspNetCore.Tests.TestSupport
{
    /// <summary>
    /// The key endpoint the app's Plaid client talks to: the signer's keys (through its own handler), plus JWKs a test
    /// adds by hand, and a switch to fail every request as Plaid would on an outage. Counts requests.
    /// </summary>
    internal sealed class KeyEndpointStub : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, JsonObject> _extra = new();
        private int _requests;

        public KeyEndpointStub(PlaidWebhookSigner signer)
            : base(signer.CreateKeyEndpointHandler())
        {
        }

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>When true, every request is answered 400 INVALID_API_KEYS (not retried, not a key-id answer).</summary>
        public bool Refuse { get; set; }

        /// <summary>When true, every request is answered 503, as by a Plaid outage: a transient failure a client would retry.</summary>
        public bool Down { get; set; }

        /// <summary>When true, no request is ever answered: each waits until the caller gives up on it.</summary>
        public bool Hang { get; set; }

        public void Serve(JsonObject jwk) => _extra[(string)jwk["kid"]!] = jwk;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            if (Hang)
            {
                // No timer: the request ends only when its cancellation token fires.
                var never = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(() => never.TrySetCanceled(cancellationToken)))
                {
                    return await never.Task;
                }
            }

            if (Down)
            {
                return Json(HttpStatusCode.ServiceUnavailable, new JsonObject
                {
                    ["error_type"] = "API_ERROR",
                    ["error_code"] = "INTERNAL_SERVER_ERROR",
                    ["error_message"] = "an unexpected error occurred",
                    ["display_message"] = null,
                    ["request_id"] = "outage000000001",
                });
            }

            if (Refuse)
            {
                return Json(HttpStatusCode.BadRequest, new JsonObject
                {
                    ["error_type"] = "INVALID_INPUT",
                    ["error_code"] = "INVALID_API_KEYS",
                    ["error_message"] = "invalid client_id or secret provided",
                    ["display_message"] = null,
                    ["request_id"] = "refusedKeys0001",
                });
            }

            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            if (_extra.TryGetValue((string)body["key_id"]!, out var jwk))
            {
                return Json(HttpStatusCode.OK, new JsonObject { ["key"] = jwk.DeepClone(), ["request_id"] = "extraKey0000001" });
            }

            // The signer's handler reads the body again.
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            return await base.SendAsync(request, cancellationToken);
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
