using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Plaid.Partner.Ledger.DependencyInjection
{
    /// <summary>Registers <see cref="EndCustomerLedger"/> beside <c>AddPlaidPartner</c>.</summary>
    public static class PlaidPartnerLedgerServiceCollectionExtensions
    {
        /// <summary>
        /// Registers one <see cref="EndCustomerLedger"/> (a singleton) in the store <paramref name="configure"/> chooses. Each
        /// onboarding call resolves the default <see cref="PlaidPartnerClient"/> registered by <c>AddPlaidPartner</c>, so a
        /// rotated secret is used at once. The options are checked when the host starts, like the client's.
        /// Every <see cref="IEndCustomerEvents"/> registered in the container is told about each recorded change.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Chooses the store: <c>o =&gt; o.UseSqlite("ledger.db")</c> or <c>o =&gt; o.UsePostgres(connectionString)</c>.</param>
        /// <returns>The service collection.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <example>
        /// <code>
        /// services.AddPlaidPartner(builder.Configuration.GetSection("Plaid"));
        /// services.AddPlaidPartnerLedger(o => o.UseSqlite("ledger.db"));
        /// </code>
        /// </example>
        public static IServiceCollection AddPlaidPartnerLedger(this IServiceCollection services, Action<EndCustomerLedgerOptions> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            services.AddOptions<EndCustomerLedgerOptions>().Configure(configure).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EndCustomerLedgerOptions>, EndCustomerLedgerOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(provider =>
            {
                var options = provider.GetRequiredService<IOptions<EndCustomerLedgerOptions>>().Value.Copy();
                return new EndCustomerLedger(
                    provider.GetRequiredService<PlaidPartnerClient>,
                    EndCustomerLedger.CreateStore(options),
                    ownsStore: true,
                    options,
                    provider.GetService<ILogger<EndCustomerLedger>>(),
                    provider.GetService<TimeProvider>(),
                    provider.GetServices<IEndCustomerEvents>());
            });
            return services;
        }
    }
}
