using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Samples.WebhookReceiver
{
    /// <summary>The webhook endpoint: raw body in, verified and parsed webhook handled, 200 or 400 out.</summary>
    public static class PlaidWebhookEndpoint
    {
        /// <summary>Plaid's webhook bodies are a few hundred bytes; anything far larger is not one.</summary>
        public const int MaxBodyBytes = 64 * 1024;

        /// <summary>Maps <c>POST <paramref name="pattern"/></c> to <see cref="HandleAsync"/>; needs a <see cref="PlaidWebhookVerifier"/> service.</summary>
        public static IEndpointConventionBuilder MapPlaidWebhooks(this IEndpointRouteBuilder endpoints, string pattern) =>
            endpoints.MapPost(pattern, HandleAsync);

        /// <summary>Handles one webhook delivery.</summary>
        public static async Task<IResult> HandleAsync(HttpRequest request, PlaidWebhookVerifier verifier, ILoggerFactory loggers, CancellationToken cancellationToken)
        {
            var log = loggers.CreateLogger("Plaid.Webhooks");

            // The signature covers the exact bytes, so read them raw: never bind the body to a model first.
            var body = await ReadBodyAsync(request, cancellationToken);
            if (body is null)
            {
                log.LogWarning("Refused a webhook body over {Max} bytes", MaxBodyBytes);
                return Results.BadRequest();
            }

            var verification = await verifier.VerifyAsync(body, PlaidVerificationHeader.Find(request.Headers), cancellationToken);
            if (!verification.IsVerified)
            {
                // Count these by reason. Plaid retries any answer but 200, so a KeyFetchFailed delivery comes again.
                log.LogWarning("Refused a webhook: {Reason}: {Message}", verification.FailureReason, verification.Message);
                return Results.BadRequest();
            }

            IPlaidWebhook webhook;
            try
            {
                webhook = PlaidWebhookParser.Parse(body);
            }
            catch (PlaidWebhookFormatException e)
            {
                log.LogWarning("A verified webhook could not be parsed: {Problem}", e.Message);
                return Results.BadRequest();
            }

            switch (webhook)
            {
                case PartnerEndCustomerOAuthStatusUpdatedWebhook update:
                    // Keep this fast (Plaid waits 10 s): hand the update to a queue or a store, not to slow work.
                    log.LogInformation(
                        "End customer {EndCustomer} OAuth status at {Institution} is now {Status} ({Environment})",
                        update.EndCustomerClientId,
                        update.InstitutionId,
                        update.Status,
                        update.Environment);
                    break;
                case UnknownPlaidWebhook other:
                    log.LogInformation("Received a {Type} {Code} webhook this receiver does not handle", other.WebhookType, other.WebhookCode);
                    break;
            }

            return Results.Ok();
        }

        private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
