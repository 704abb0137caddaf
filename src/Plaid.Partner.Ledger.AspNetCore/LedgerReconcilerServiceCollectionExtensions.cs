using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Plaid.Partner.Ledger.AspNetCore
{
    /// <summary>Registers the background reconciler beside <c>AddPlaidPartnerLedger</c>.</summary>
    public static class LedgerReconcilerServiceCollectionExtensions
    {
        /// <summary>
        /// Adds a hosted service that runs a reconciler round (<see cref="EndCustomerLedger.ReconcileAsync"/>) every
        /// <paramref name="interval"/>: records in motion are refreshed each round, settled ones every
        /// <see cref="EndCustomerReconcilerOptions.SettledInterval"/>. Safe in several app instances on one PostgreSQL
        /// ledger: each record is leased by one instance at a time. Needs <c>AddPlaidPartnerLedger</c>.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="interval">How often a round runs and records in motion are refreshed; at least 1 second.</param>
        /// <param name="configure">Sets the other options; null for the defaults.</param>
        /// <returns>The service collection.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
        public static IServiceCollection AddLedgerReconciler(this IServiceCollection services, TimeSpan interval, Action<EndCustomerReconcilerOptions>? configure = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            var options = new EndCustomerReconcilerOptions { Interval = interval };
            configure?.Invoke(options);
            var problems = options.Problems();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(interval));
            }

            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<IHostedService>(provider => new LedgerReconcilerService(
                provider.GetRequiredService<EndCustomerLedger>(),
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LedgerReconcilerService>>()));
            return services;
        }
    }
}
