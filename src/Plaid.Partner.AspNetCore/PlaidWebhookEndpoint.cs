using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// The request delegate behind <c>MapPlaidPartnerWebhooks</c>: exact body under a cap, verification, optional
    /// duplicate check, parsing, handlers; then 200 (handled, unhandled or duplicate), 400 (refused or unreadable),
    /// 413 (too large), 500 (a handler threw) or 503 (Plaid's key could not be fetched, so nothing could be verified);
    /// Plaid delivers again whatever was not answered 200.
    /// </summary>
    internal sealed class PlaidWebhookEndpoint
    {
        private readonly string _name;
        private readonly PlaidWebhookEndpointOptions _options;
        private readonly IServiceProvider _services;
        private readonly ILogger _logger;
        private readonly WebhookEndpointMetrics _metrics;
        private readonly DuplicateDeliveryFilter? _duplicates;
        private PlaidWebhookVerifier? _verifier;

        public PlaidWebhookEndpoint(string name, PlaidWebhookEndpointOptions validatedOptions, IServiceProvider services)
        {
            _name = name;
            _options = validatedOptions;
            _services = services;
            _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Plaid.Partner.AspNetCore.Webhooks");
            _metrics = services.GetRequiredService<WebhookEndpointMetrics>();
            _duplicates = validatedOptions.SuppressDuplicateDeliveries
                ? new DuplicateDeliveryFilter(services.GetRequiredService<IDistributedCache>(), _logger)
                : null;
        }

        // Resolved on the first delivery, not when mapping: the client's options are validated when the host starts.
        private PlaidWebhookVerifier Verifier => _verifier ??= _name.Length == 0
            ? _services.GetRequiredService<PlaidWebhookVerifier>()
            : _services.GetRequiredKeyedService<PlaidWebhookVerifier>(_name);

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            var cancellationToken = context.RequestAborted;
            try
            {
                var body = await WebhookBodyReader.ReadAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
                if (body is null)
                {
                    WebhookEndpointLog.TooLarge(_logger, _options.MaxBodyBytes, request.ContentLength);
                    if (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
                    {
                        // The unread rest of the body makes the connection unusable; do not let the server drain it.
                        context.Response.Headers.Connection = "close";
                    }

                    Answer(context, StatusCodes.Status413PayloadTooLarge, WebhookOutcomes.TooLarge);
                    return;
                }

                var header = request.Headers[PlaidVerificationHeader.Name];
                var token = header.Count == 0 ? null : header.ToString();
                var verification = await Verifier.VerifyAsync(body, token, cancellationToken).ConfigureAwait(false);
                if (verification.FailureReason is { } reason)
                {
                    // A key we could not fetch (Plaid or the network down, or our own limit on unknown key ids) says
                    // nothing about the delivery: an outage must not look like forgeries on the dashboard.
                    if (reason is WebhookVerificationFailureReason.KeyFetchFailed or WebhookVerificationFailureReason.KeyFetchThrottled)
                    {
                        WebhookEndpointLog.NotVerifiable(_logger, reason, verification.Message);
                        Answer(context, StatusCodes.Status503ServiceUnavailable, WebhookOutcomes.NotVerifiable);
                    }
                    else
                    {
                        WebhookEndpointLog.Refused(_logger, reason, verification.Message);
                        Answer(context, StatusCodes.Status400BadRequest, WebhookOutcomes.Refused);
                    }

                    return;
                }

                if (_duplicates is not null && await _duplicates.WasHandledAsync(token!, cancellationToken).ConfigureAwait(false))
                {
                    WebhookEndpointLog.Duplicate(_logger);
                    Answer(context, StatusCodes.Status200OK, WebhookOutcomes.Duplicate);
                    return;
                }

                IPlaidWebhook webhook;
                try
                {
                    webhook = PlaidWebhookParser.Parse(body);
                }
                catch (PlaidWebhookFormatException e)
                {
                    WebhookEndpointLog.Unparseable(_logger, e.Message);
                    Answer(context, StatusCodes.Status400BadRequest, WebhookOutcomes.Unparseable);
                    return;
                }

                var webhookContext = new PlaidWebhookContext(context, body, verification.KeyId!, verification.IssuedAt!.Value, _name);
                await DispatchAsync(context, webhook, webhookContext, token!, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The sender is gone; no answer can reach it, and Plaid delivers again what it did not see answered 200.
                WebhookEndpointLog.Aborted(_logger);
            }
        }

        private async Task DispatchAsync(HttpContext context, IPlaidWebhook webhook, PlaidWebhookContext handlerContext, string token, CancellationToken cancellationToken)
        {
            int ran;
            try
            {
                ran = await WebhookHandlerDispatch.DispatchAsync(webhook, handlerContext, context.RequestServices, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                WebhookEndpointLog.HandlerFailed(_logger, webhook.WebhookType, webhook.WebhookCode, e);
                Answer(context, StatusCodes.Status500InternalServerError, WebhookOutcomes.HandlerFailed, webhook);
                return;
            }

            // Marked only now: a delivery answered 500 above stays unmarked, so its redelivery is handled.
            if (_duplicates is not null)
            {
                await _duplicates.MarkHandledAsync(token).ConfigureAwait(false);
            }

            if (ran == 0)
            {
                WebhookEndpointLog.Unhandled(_logger, webhook.WebhookType, webhook.WebhookCode);
                Answer(context, StatusCodes.Status200OK, WebhookOutcomes.Unhandled, webhook);
            }
            else
            {
                WebhookEndpointLog.Handled(_logger, webhook.WebhookType, webhook.WebhookCode, ran);
                Answer(context, StatusCodes.Status200OK, WebhookOutcomes.Handled, webhook);
            }
        }

        private void Answer(HttpContext context, int statusCode, string outcome, IPlaidWebhook? webhook = null)
        {
            // A handler that wrote to the response has already sent its own status; it is counted as this one.
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = statusCode;
            }

            if (webhook is null)
            {
                _metrics.Answered(statusCode, outcome);
            }
            else
            {
                _metrics.Answered(statusCode, outcome, webhook.WebhookType, webhook.WebhookCode);
            }
        }
    }
}
