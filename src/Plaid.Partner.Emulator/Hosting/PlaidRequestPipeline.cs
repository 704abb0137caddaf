using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NJsonSchema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Emulator.Errors;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Validation;

namespace Plaid.Partner.Emulator.Hosting
{
    /// <summary>
    /// How every Plaid call is answered, in order: an injected fault; the credentials (INVALID_API_KEYS); the body
    /// (INVALID_BODY / INVALID_HEADERS, then the contract: MISSING_FIELDS, UNKNOWN_FIELDS, INVALID_FIELD); the
    /// operation. Every answer carries a fresh <c>request_id</c>.
    /// </summary>
    internal static class PlaidRequestPipeline
    {
        public const string ClientIdHeader = "PLAID-CLIENT-ID";
        public const string SecretHeader = "PLAID-SECRET";

        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static async Task HandleAsync(HttpContext context, EmulatorRuntime runtime, string path, JsonSchema schema, Func<EmulatorRuntime, JObject, Outcome<JObject>> operation)
        {
            var requestId = RandomIds.RequestId();
            if (runtime.Faults.Take(path) is { } fault && await FaultResponder.ApplyAsync(context, runtime, fault, path, requestId).ConfigureAwait(false))
            {
                return;
            }

            if (!HasValidCredentials(context.Request, runtime))
            {
                await WriteErrorAsync(context, runtime, PlaidErrors.InvalidApiKeys, requestId).ConfigureAwait(false);
                return;
            }

            string text;
            try
            {
                using var reader = new StreamReader(context.Request.Body, StrictUtf8);
                text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (DecoderFallbackException)
            {
                await WriteErrorAsync(context, runtime, PlaidErrors.InvalidBody, requestId).ConfigureAwait(false);
                return;
            }

            var (body, error) = RequestBodyReader.Read(context.Request.ContentType, text);
            error ??= ContractValidator.Check(schema, body!);
            if (error is not null)
            {
                await WriteErrorAsync(context, runtime, error, requestId).ConfigureAwait(false);
                return;
            }

            Outcome<JObject> outcome;
            try
            {
                outcome = operation(runtime, body!);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An emulator bug still answers the way Plaid's own failures do, and says so in the log.
                runtime.Logger.LogError(e, "POST {Path} failed inside the emulator request_id={RequestId}", path, requestId);
                outcome = PlaidErrors.InternalServerError;
            }

            if (outcome.Error is { } refused)
            {
                await WriteErrorAsync(context, runtime, refused, requestId).ConfigureAwait(false);
                return;
            }

            var response = outcome.Value!;
            response["request_id"] = requestId;
            runtime.Logger.LogInformation("POST {Path} -> 200 request_id={RequestId}", path, requestId);
            await WriteJsonAsync(context, 200, response).ConfigureAwait(false);
        }

        /// <summary>A PlaidError body with exactly the members of Plaid's error examples (Plaid API docs, Errors), in their order.</summary>
        public static Task WriteErrorAsync(HttpContext context, EmulatorRuntime runtime, PlaidErrorSpec error, string requestId)
        {
            runtime.Logger.LogInformation(
                "{Method} {Path} -> {Status} {ErrorCode} request_id={RequestId}",
                context.Request.Method,
                context.Request.Path.Value,
                error.Status,
                error.ErrorCode,
                requestId);
            return WriteJsonAsync(context, error.Status, new JObject
            {
                ["error_type"] = error.ErrorType,
                ["error_code"] = error.ErrorCode,
                ["error_message"] = error.ErrorMessage,
                ["display_message"] = null,
                ["request_id"] = requestId,
            });
        }

        public static async Task WriteJsonAsync(HttpContext context, int status, JToken body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body.ToString(Formatting.None), context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>Both headers present once, the client id equal and the secret equal in constant time.</summary>
        private static bool HasValidCredentials(HttpRequest request, EmulatorRuntime runtime)
        {
            var clientIds = request.Headers[ClientIdHeader];
            var secrets = request.Headers[SecretHeader];
            if (clientIds.Count != 1 || secrets.Count != 1)
            {
                return false;
            }

            var clientIdMatches = string.Equals(clientIds[0], runtime.ClientId, StringComparison.Ordinal);
            var secretMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secrets[0] ?? string.Empty), Encoding.UTF8.GetBytes(runtime.Secret));
            return clientIdMatches & secretMatches;
        }
    }
}
