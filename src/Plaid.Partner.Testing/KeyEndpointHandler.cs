using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Testing
{
    /// <summary>
    /// Plaid's <c>/webhook_verification_key/get</c> for one <see cref="PlaidWebhookSigner"/>, in process: the JWK of a
    /// key it made, <c>INVALID_WEBHOOK_VERIFICATION_KEY_ID</c> for any other <c>key_id</c>, as Plaid answers (Plaid API
    /// docs, Webhooks › Webhook verification, and Errors).
    /// </summary>
    internal sealed class KeyEndpointHandler : HttpMessageHandler
    {
        private const string Path = "/webhook_verification_key/get";

        private readonly PlaidWebhookSigner _signer;

        public KeyEndpointHandler(PlaidWebhookSigner signer)
        {
            _signer = signer;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith(Path, StringComparison.Ordinal) != true)
            {
                return Error(
                    HttpStatusCode.NotFound,
                    "INVALID_REQUEST",
                    "NOT_FOUND",
                    $"this test handler serves only POST {Path}; it was asked for {request.Method} {request.RequestUri?.AbsolutePath}");
            }

            var keyId = request.Content is null ? null : ReadKeyId(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            if (keyId is null)
            {
                return Error(HttpStatusCode.BadRequest, "INVALID_REQUEST", "MISSING_FIELDS", "the following required fields are missing: key_id");
            }

            var key = _signer.GetPublicKey(keyId);
            if (key is null)
            {
                return Error(
                    HttpStatusCode.BadRequest,
                    "INVALID_INPUT",
                    "INVALID_WEBHOOK_VERIFICATION_KEY_ID",
                    "invalid key_id provided. note that key_ids are specific to Plaid environments, and verification requests must be made to the same environment that the webhook was sent from");
            }

            var body = new JsonObject
            {
                ["key"] = PublicJwkJson.Write(key),
                ["request_id"] = RequestId(),
            };
            return Json(HttpStatusCode.OK, body);
        }

        private static string? ReadKeyId(byte[] json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("key_id", out var keyId)
                    && keyId.ValueKind == JsonValueKind.String
                    ? keyId.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string type, string code, string message) => Json(status, new JsonObject
        {
            ["display_message"] = null,
            ["error_code"] = code,
            ["error_message"] = message,
            ["error_type"] = type,
            ["request_id"] = RequestId(),
        });

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

        // Plaid's request ids are 15 letters and digits.
        private static string RequestId() => Guid.NewGuid().ToString("N").Substring(0, 15);
    }
}
