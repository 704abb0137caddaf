using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Runs the handlers registered for a parsed webhook's type, one after another, in the request's scope. The type
    /// comes from the core's table of webhook models, so a new webhook needs nothing here.
    /// </summary>
    internal sealed class WebhookHandlerDispatch : IPlaidWebhookVisitor<Task<int>>
    {
        private readonly PlaidWebhookContext _context;
        private readonly IServiceProvider _services;
        private readonly CancellationToken _cancellationToken;

        private WebhookHandlerDispatch(PlaidWebhookContext context, IServiceProvider services, CancellationToken cancellationToken)
        {
            _context = context;
            _services = services;
            _cancellationToken = cancellationToken;
        }

        /// <returns>How many handlers ran; 0 when none is registered for the webhook's type.</returns>
        public static Task<int> DispatchAsync(IPlaidWebhook webhook, PlaidWebhookContext context, IServiceProvider services, CancellationToken cancellationToken) =>
            PlaidWebhookTable.ModelOf(webhook).Accept(webhook, new WebhookHandlerDispatch(context, services, cancellationToken));

        /// <summary>The handlers of <typeparamref name="TWebhook"/>.</summary>
        public Task<int> Visit<TWebhook>(TWebhook webhook)
            where TWebhook : class, IPlaidWebhook =>
            RunAsync(webhook);

        private async Task<int> RunAsync<TWebhook>(TWebhook webhook)
            where TWebhook : class, IPlaidWebhook
        {
            var handlers = _context.RegistrationName.Length == 0
                ? _services.GetServices<IPlaidWebhookHandler<TWebhook>>()
                : _services.GetKeyedServices<IPlaidWebhookHandler<TWebhook>>(_context.RegistrationName);
            var ran = 0;
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(webhook, _context, _cancellationToken).ConfigureAwait(false);
                ran++;
            }

            return ran;
        }
    }
}
