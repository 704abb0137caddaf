using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>Adds handlers and settings to one webhook registration (returned by <c>AddPlaidPartnerWebhooks</c>).</summary>
    public sealed class PlaidWebhooksBuilder
    {
        internal PlaidWebhooksBuilder(IServiceCollection services, string name, PlaidWebhooksRegistry registry)
        {
            Services = services;
            Name = name;
            Registry = registry;
        }

        /// <summary>The service collection.</summary>
        public IServiceCollection Services { get; }

        /// <summary>The registration's name: empty for the default one, else the name given to <c>AddPlaidPartner</c>.</summary>
        public string Name { get; }

        private PlaidWebhooksRegistry Registry { get; }

        /// <summary>
        /// Registers <typeparamref name="THandler"/> (scoped) for every webhook type it handles: each
        /// <see cref="IPlaidWebhookHandler{TWebhook}"/> it implements. Handlers of one type run in the order added;
        /// adding the same handler twice has no further effect.
        /// </summary>
        /// <typeparam name="THandler">A class implementing <see cref="IPlaidWebhookHandler{TWebhook}"/> once or more.</typeparam>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">
        /// <typeparamref name="THandler"/> implements no <see cref="IPlaidWebhookHandler{TWebhook}"/> for a webhook the endpoint
        /// receives (<see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/>, <see cref="UnknownPlaidWebhook"/>, or
        /// <see cref="IPlaidWebhook"/> for all).
        /// </exception>
        public PlaidWebhooksBuilder AddHandler<THandler>()
            where THandler : class
        {
            var handled = HandledWebhookTypes(typeof(THandler));
            if (handled.Count == 0)
            {
                throw new ArgumentException(
                    $"{typeof(THandler).Name} implements no IPlaidWebhookHandler<T> for a webhook the endpoint receives; implement it for "
                        + $"{string.Join(", ", PlaidWebhookTable.Models.Select(t => t.Name))} or IPlaidWebhook (every webhook).",
                    nameof(THandler));
            }

            if (!Registry.TryAddHandler(Name, typeof(THandler)))
            {
                return this;
            }

            Services.TryAddScoped<THandler>();
            foreach (var webhookType in handled)
            {
                var service = typeof(IPlaidWebhookHandler<>).MakeGenericType(webhookType);
                if (Name.Length == 0)
                {
                    Services.AddScoped(service, provider => provider.GetRequiredService<THandler>());
                }
                else
                {
                    Services.AddKeyedScoped(service, Name, (provider, _) => provider.GetRequiredService<THandler>());
                }
            }

            return this;
        }

        /// <summary>Sets the endpoint's options (body cap, duplicate suppression) for this registration.</summary>
        /// <param name="configure">Sets the options.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
        public PlaidWebhooksBuilder Configure(Action<PlaidWebhookEndpointOptions> configure)
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            Services.AddOptions<PlaidWebhookEndpointOptions>(Name).Configure(configure);
            return this;
        }

        /// <summary>The dispatched webhook types <paramref name="handlerType"/> handles, each once, through contravariance too.</summary>
        private static List<Type> HandledWebhookTypes(Type handlerType)
        {
            var handled = new List<Type>();
            foreach (var contract in handlerType.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPlaidWebhookHandler<>)))
            {
                var accepted = contract.GetGenericArguments()[0];
                handled.AddRange(PlaidWebhookTable.Models.Where(accepted.IsAssignableFrom));
            }

            return handled.Distinct().ToList();
        }
    }
}
