using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Which names <c>AddPlaidPartnerWebhooks</c> was called for, and which handler types each has, so a handler added
    /// twice runs once and <c>MapPlaidPartnerWebhooks</c> can name a missing registration. One instance per service
    /// collection, found among its descriptors.
    /// </summary>
    internal sealed class PlaidWebhooksRegistry
    {
        private readonly Dictionary<string, HashSet<Type>> _handlers = new(StringComparer.Ordinal);

        public static PlaidWebhooksRegistry In(IServiceCollection services)
        {
            var existing = services.FirstOrDefault(d => d.ServiceType == typeof(PlaidWebhooksRegistry) && !d.IsKeyedService)?.ImplementationInstance;
            if (existing is PlaidWebhooksRegistry registry)
            {
                return registry;
            }

            registry = new PlaidWebhooksRegistry();
            services.AddSingleton(registry);
            return registry;
        }

        public void Add(string name) => _ = Handlers(name);

        public bool Contains(string name)
        {
            lock (_handlers)
            {
                return _handlers.ContainsKey(name);
            }
        }

        /// <summary>Records <paramref name="handlerType"/> for <paramref name="name"/>; false when it was already there.</summary>
        public bool TryAddHandler(string name, Type handlerType)
        {
            var handlers = Handlers(name);
            lock (_handlers)
            {
                return handlers.Add(handlerType);
            }
        }

        private HashSet<Type> Handlers(string name)
        {
            lock (_handlers)
            {
                if (!_handlers.TryGetValue(name, out var handlers))
                {
                    handlers = new HashSet<Type>();
                    _handlers.Add(name, handlers);
                }

                return handlers;
            }
        }
    }
}
