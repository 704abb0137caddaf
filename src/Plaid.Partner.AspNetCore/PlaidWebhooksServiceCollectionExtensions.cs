using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>Registers the Plaid webhook endpoint's services and handlers.</summary>
    public static class PlaidWebhooksServiceCollectionExtensions
    {
        /// <summary>
        /// Registers the webhook endpoint for the default <c>AddPlaidPartner</c> registration, whose
        /// <see cref="Webhooks.PlaidWebhookVerifier"/> checks the deliveries: that client must be for the environment the
        /// webhooks come from (Plaid's key ids are per environment).
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <returns>A builder to add handlers (<see cref="PlaidWebhooksBuilder.AddHandler{THandler}"/>) and settings.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
        public static PlaidWebhooksBuilder AddPlaidPartnerWebhooks(this IServiceCollection services) =>
            Register(services, Options.DefaultName);

        /// <summary>
        /// Registers the webhook endpoint of the partner account registered with <c>AddPlaidPartner(name, …)</c>; map it
        /// with <c>MapPlaidPartnerWebhooks(pattern, name)</c>.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="name">The name given to <c>AddPlaidPartner</c>.</param>
        /// <returns>A builder to add this registration's handlers and settings.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
        public static PlaidWebhooksBuilder AddPlaidPartnerWebhooks(this IServiceCollection services, string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A named webhook registration needs the non-empty name given to AddPlaidPartner.", nameof(name));
            }

            return Register(services, name);
        }

        private static PlaidWebhooksBuilder Register(IServiceCollection services, string name)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            var registry = PlaidWebhooksRegistry.In(services);
            registry.Add(name);
            services.AddOptions<PlaidWebhookEndpointOptions>(name);
            services.TryAddSingleton<WebhookEndpointMetrics>();
            return new PlaidWebhooksBuilder(services, name, registry);
        }
    }
}
