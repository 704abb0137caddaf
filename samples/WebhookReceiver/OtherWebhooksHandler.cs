using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Plaid.Partner.AspNetCore;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Samples.WebhookReceiver
{
    /// <summary>Any verified webhook this library has no model for; its body is in <see cref="UnknownPlaidWebhook.RawJson"/>.</summary>
    public sealed partial class OtherWebhooksHandler(ILogger<OtherWebhooksHandler> logger) : IPlaidWebhookHandler<UnknownPlaidWebhook>
    {
        public Task HandleAsync(UnknownPlaidWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
        {
            LogOther(logger, webhook.WebhookType, webhook.WebhookCode);
            return Task.CompletedTask;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Received a {Type} {Code} webhook this receiver does not handle")]
        private static partial void LogOther(ILogger logger, string type, string code);
    }
}
