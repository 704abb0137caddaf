using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>Runs the handlers registered for a parsed webhook's type, one after another, in the request's scope.</summary>
    internal static class WebhookHandlerDispatch
    {
        /// <returns>How many handlers ran; 0 when none is registered for the webhook's type.</returns>
        public static Task<int> DispatchAsync(IPlaidWebhook webhook, PlaidWebhookContext context, IServiceProvider services, CancellationToken cancellationToken) => webhook switch
        {
            PartnerEndCustomerOAuthStatusUpdatedWebhook update => RunAsync(update, context, services, cancellationToken),
            UnknownPlaidWebhook unknown => RunAsync(unknown, context, services, cancellationToken),
            _ => throw new InvalidOperationException($"PlaidWebhookParser returned a {webhook.GetType().Name}, which the endpoint does not dispatch."),
        };

        private static async Task<int> RunAsync<TWebhook>(TWebhook webhook, PlaidWebhookContext context, IServiceProvider services, CancellationToken cancellationToken)
            where TWebhook : IPlaidWebhook
        {
            var handlers = context.RegistrationName.Length == 0
                ? services.GetServices<IPlaidWebhookHandler<TWebhook>>()
                : services.GetKeyedServices<IPlaidWebhookHandler<TWebhook>>(context.RegistrationName);
            var ran = 0;
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(webhook, context, cancellationToken).ConfigureAwait(false);
                ran++;
            }

            return ran;
        }
    }
}
