using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Internal;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// Plaid's /webhook_verification_key/get on a MockHttp handler: serves the keys it was given, answers any other
    /// key_id with INVALID_WEBHOOK_VERIFICATION_KEY_ID, and counts every request.
    /// </summary>
    internal sealed class MockKeyEndpoint
    {
        private readonly ConcurrentDictionary<string, TestSigningKey> _keys = new();
        private readonly ConcurrentDictionary<string, int> _callsByKeyId = new();
        private int _calls;

        public MockKeyEndpoint(MockPlaid plaid)
        {
            plaid.Handler
                .When(HttpMethod.Post, MockPlaid.Url(plaid.Options.Environment, PlaidOperations.WebhookVerificationKeyGetPath))
                .Respond(AnswerAsync);
        }

        /// <summary>Total requests so far.</summary>
        public int Calls => Volatile.Read(ref _calls);

        /// <summary>When set, every request waits for it before answering (to hold fetches in flight).</summary>
        public TaskCompletionSource? Gate { get; set; }

        /// <summary>When set, every request is answered with this status and a Plaid API_ERROR.</summary>
        public HttpStatusCode? FailWith { get; set; }

        public int CallsFor(string keyId) => _callsByKeyId.TryGetValue(keyId, out var calls) ? calls : 0;

        public void Serve(TestSigningKey key) => _keys[key.KeyId] = key;

        public void Forget(string keyId) => _keys.TryRemove(keyId, out _);

        private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request)
        {
            Interlocked.Increment(ref _calls);
            var keyId = (string)JObject.Parse(await request.Content!.ReadAsStringAsync())["key_id"]!;
            _callsByKeyId.AddOrUpdate(keyId, 1, (_, calls) => calls + 1);
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            if (FailWith is { } status)
            {
                return Json(status, new JObject
                {
                    ["error_type"] = "API_ERROR",
                    ["error_code"] = "INTERNAL_SERVER_ERROR",
                    ["error_message"] = "an unexpected error occurred",
                    ["display_message"] = null,
                    ["request_id"] = "testRequest",
                });
            }

            if (!_keys.TryGetValue(keyId, out var key))
            {
                // Plaid API docs, Errors › Invalid input errors: INVALID_WEBHOOK_VERIFICATION_KEY_ID, HTTP 400.
                return Json(HttpStatusCode.BadRequest, new JObject
                {
                    ["error_type"] = "INVALID_INPUT",
                    ["error_code"] = "INVALID_WEBHOOK_VERIFICATION_KEY_ID",
                    ["error_message"] = "invalid key_id provided. note that key_ids are specific to Plaid environments, and verification requests "
                        + "must be made to the same environment that the webhook was sent from",
                    ["display_message"] = null,
                    ["request_id"] = "HNTDNrA8F1shFEW",
                });
            }

            return Json(HttpStatusCode.OK, new JObject { ["key"] = key.ToJwk(), ["request_id"] = "RZ6Omi1bzzwDaLo" });
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JObject body) =>
            new(status) { Content = new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json") };
    }
}
