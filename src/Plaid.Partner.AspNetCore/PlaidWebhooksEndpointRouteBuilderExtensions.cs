using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>Maps the Plaid webhook endpoint.</summary>
    public static class PlaidWebhooksEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps <c>POST <paramref name="pattern"/></c> to the webhook endpoint of the default registration
        /// (<c>AddPlaidPartner</c> + <c>AddPlaidPartnerWebhooks</c>): it reads the exact body (at most
        /// <see cref="PlaidWebhookEndpointOptions.MaxBodyBytes"/>, else 413), verifies its <c>Plaid-Verification</c> signature
        /// (else 400, the reason logged; 503 when Plaid's key could not be fetched, so Plaid delivers it again), parses it and
        /// runs its handlers with the request's cancellation token (200; 500 if one throws, so Plaid delivers it again).
        /// </summary>
        /// <param name="endpoints">The app or a route group.</param>
        /// <param name="pattern">The route, e.g. <c>/plaid/webhooks</c>: the URL given to Plaid.</param>
        /// <returns>The endpoint's convention builder, for <c>RequireHost</c>, <c>RequireRateLimiting</c> and the like.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="InvalidOperationException">
        /// <c>AddPlaidPartnerWebhooks</c> or <c>AddPlaidPartner</c> was not called, or duplicate suppression is on without an
        /// <c>IDistributedCache</c>; the message says what to add.
        /// </exception>
        /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
        public static IEndpointConventionBuilder MapPlaidPartnerWebhooks(this IEndpointRouteBuilder endpoints, string pattern) =>
            Map(endpoints, pattern, Options.DefaultName);

        /// <summary>
        /// Maps <c>POST <paramref name="pattern"/></c> to the webhook endpoint of the registration named
        /// <paramref name="name"/> (<c>AddPlaidPartner(name, …)</c> + <c>AddPlaidPartnerWebhooks(name)</c>); see the
        /// overload without a name.
        /// </summary>
        /// <param name="endpoints">The app or a route group.</param>
        /// <param name="pattern">The route: the URL given to Plaid for this partner account.</param>
        /// <param name="name">The registration's name.</param>
        /// <returns>The endpoint's convention builder.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or an option is out of range.</exception>
        /// <exception cref="InvalidOperationException">A registration is missing; the message says which.</exception>
        public static IEndpointConventionBuilder MapPlaidPartnerWebhooks(this IEndpointRouteBuilder endpoints, string pattern, string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A named webhook endpoint needs the non-empty name given to AddPlaidPartner and AddPlaidPartnerWebhooks.", nameof(name));
            }

            return Map(endpoints, pattern, name);
        }

        private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, string name)
        {
            if (endpoints is null)
            {
                throw new ArgumentNullException(nameof(endpoints));
            }

            if (pattern is null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            var services = endpoints.ServiceProvider;
            var shown = name.Length == 0 ? string.Empty : $"\"{name}\"";
            if (services.GetService<PlaidWebhooksRegistry>()?.Contains(name) != true)
            {
                throw new InvalidOperationException($"MapPlaidPartnerWebhooks({(name.Length == 0 ? string.Empty : "…, " + shown)}) needs services.AddPlaidPartnerWebhooks({shown}) first.");
            }

            if (!IsRegistered(services, name))
            {
                throw new InvalidOperationException(
                    $"MapPlaidPartnerWebhooks needs the PlaidWebhookVerifier that services.AddPlaidPartner({(name.Length == 0 ? "…" : shown + ", …")}) "
                        + "registers, with a client for the environment the webhooks come from.");
            }

            var options = services.GetRequiredService<IOptionsMonitor<PlaidWebhookEndpointOptions>>().Get(name).ValidatedCopy();
            if (options.SuppressDuplicateDeliveries && services.GetService<IDistributedCache>() is null)
            {
                throw new InvalidOperationException(
                    "PlaidWebhookEndpointOptions.SuppressDuplicateDeliveries needs an IDistributedCache: services.AddDistributedMemoryCache() for one "
                        + "instance, or a shared cache such as AddStackExchangeRedisCache for several.");
            }

            var endpoint = new PlaidWebhookEndpoint(name, options, services);
            RequestDelegate handler = endpoint.HandleAsync;
            return endpoints.MapPost(pattern, handler).WithDisplayName($"Plaid webhooks {pattern}");
        }

        private static bool IsRegistered(IServiceProvider services, string name)
        {
            if (name.Length == 0)
            {
                return services.GetService<IServiceProviderIsService>()?.IsService(typeof(PlaidWebhookVerifier)) == true;
            }

            return services.GetService<IServiceProviderIsService>() is IServiceProviderIsKeyedService keyed && keyed.IsKeyedService(typeof(PlaidWebhookVerifier), name);
        }
    }
}
