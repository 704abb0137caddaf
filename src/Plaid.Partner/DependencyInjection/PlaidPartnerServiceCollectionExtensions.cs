using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plaid.Partner.Internal;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.DependencyInjection
{
    /// <summary>
    /// Registers <see cref="PlaidPartnerClient"/> on <see cref="IHttpClientFactory"/>-managed <c>HttpClient</c>s, with
    /// options bound from configuration and validated when the host starts, and a singleton
    /// <see cref="PlaidWebhookVerifier"/> that fetches webhook keys through a client of the same registration, made for
    /// each fetch so that it follows configuration changes (keyed by the same name for a named registration; its settings
    /// through <c>services.Configure&lt;PlaidWebhookVerifierOptions&gt;(name, …)</c>, its clock the registered
    /// <see cref="TimeProvider"/>).
    /// </summary>
    public static class PlaidPartnerServiceCollectionExtensions
    {
        /// <summary>The name of the <c>HttpClient</c> behind the default (unnamed) registration.</summary>
        public const string DefaultHttpClientName = "Plaid.Partner";

        /// <summary>
        /// Registers <see cref="PlaidPartnerClient"/> with options bound from <paramref name="configuration"/>
        /// (e.g. <c>configuration.GetSection("Plaid")</c>), validated at start-up.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The section holding <c>ClientId</c>, <c>Secret</c>, <c>Environment</c>, ….</param>
        /// <returns>The builder of the client's <c>HttpClient</c>, to add handlers or change its configuration.</returns>
        public static IHttpClientBuilder AddPlaidPartner(this IServiceCollection services, IConfiguration configuration)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            return Register(services, Options.DefaultName, KeyPrefix(configuration), builder => builder.Bind(configuration));
        }

        /// <summary>Registers <see cref="PlaidPartnerClient"/> with options set in code, validated at start-up.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The builder of the client's <c>HttpClient</c>, to add handlers or change its configuration.</returns>
        public static IHttpClientBuilder AddPlaidPartner(this IServiceCollection services, Action<PlaidPartnerOptions> configure)
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return Register(services, Options.DefaultName, "PlaidPartnerOptions.", builder => builder.Configure(configure));
        }

        /// <summary>
        /// Registers a second (third, …) partner account under <paramref name="name"/>: inject it with
        /// <c>[FromKeyedServices("name")] PlaidPartnerClient</c> or resolve it with <c>GetRequiredKeyedService</c>.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="name">The account's name; also the options name and part of the <c>HttpClient</c> name.</param>
        /// <param name="configuration">The section holding this account's options.</param>
        /// <returns>The builder of this account's <c>HttpClient</c>.</returns>
        public static IHttpClientBuilder AddPlaidPartner(this IServiceCollection services, string name, IConfiguration configuration)
        {
            RequireName(name);
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            return Register(services, name, KeyPrefix(configuration), builder => builder.Bind(configuration));
        }

        /// <summary>Registers a named partner account with options set in code; see the overload taking configuration.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="name">The account's name.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The builder of this account's <c>HttpClient</c>.</returns>
        public static IHttpClientBuilder AddPlaidPartner(this IServiceCollection services, string name, Action<PlaidPartnerOptions> configure)
        {
            RequireName(name);
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return Register(services, name, $"PlaidPartnerOptions[{name}].", builder => builder.Configure(configure));
        }

        private static IHttpClientBuilder Register(IServiceCollection services, string name, string keyPrefix, Action<OptionsBuilder<PlaidPartnerOptions>> configure)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            var optionsBuilder = services.AddOptions<PlaidPartnerOptions>(name);
            configure(optionsBuilder);
            optionsBuilder.ValidateOnStart();
            services.AddSingleton<IValidateOptions<PlaidPartnerOptions>>(new PlaidPartnerOptionsStartupValidator(name, keyPrefix));
            services.TryAddSingleton(TimeProvider.System);

            var httpClientName = name == Options.DefaultName ? DefaultHttpClientName : $"{DefaultHttpClientName}:{name}";
            var builder = services.AddHttpClient(httpClientName)
                .ConfigurePrimaryHttpMessageHandler(PlaidHttpClientFactory.CreateHandler)
                // The client applies PlaidPartnerOptions.Timeout itself, retries included.
                .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
                // IHttpClientFactory's default request loggers redact header values in their messages, but at Trace level
                // their structured state still carries the raw PLAID-SECRET (a test shows it). PlaidPartnerClient logs its
                // own lines instead: path, status, duration, request_id.
                .RemoveAllLoggers();

            // The pipeline is built once per registration and container (PlaidPartnerRegistration says why the HttpClient
            // is not): a singleton under a key only this registration knows, so registrations never share one.
            var registrationKey = new object();
            services.AddKeyedSingleton(registrationKey, (provider, _) => new PlaidPartnerRegistration(
                name,
                httpClientName,
                provider.GetRequiredService<IOptionsMonitor<PlaidPartnerOptions>>(),
                provider.GetRequiredService<IHttpClientFactory>(),
                provider.GetService<ILogger<PlaidPartnerClient>>(),
                provider.GetService<TimeProvider>(),
                provider.GetService<IMeterFactory>()));

            PlaidPartnerClient Create(IServiceProvider provider) =>
                provider.GetRequiredKeyedService<PlaidPartnerRegistration>(registrationKey).CreateClient();

            // One verifier per registration for the life of the app: it caches Plaid's keys. It keeps no client: each key
            // fetch (rare) gets a new one from the registration, so it sends the current options (a rotated secret, another
            // environment) over an HttpClient whose handlers the factory rotates, like any client resolved then.
            // The registered clock only where the application set none: a post-configuration runs after every
            // Configure<PlaidWebhookVerifierOptions>, made before this call or after it.
            services.AddOptions<PlaidWebhookVerifierOptions>(name).PostConfigure<TimeProvider>((options, time) =>
            {
                if (!options.IsTimeProviderSet)
                {
                    options.TimeProvider = time;
                }
            });
            PlaidWebhookVerifier CreateVerifier(IServiceProvider provider)
            {
                var registration = provider.GetRequiredKeyedService<PlaidPartnerRegistration>(registrationKey);
                return new(registration.CreateClient, provider.GetRequiredService<IOptionsMonitor<PlaidWebhookVerifierOptions>>().Get(name), registration.Metrics);
            }

            if (name == Options.DefaultName)
            {
                services.AddTransient(Create);
                services.AddSingleton(CreateVerifier);
            }
            else
            {
                services.AddKeyedTransient<PlaidPartnerClient>(name, (provider, _) => Create(provider));
                services.AddKeyedSingleton<PlaidWebhookVerifier>(name, (provider, _) => CreateVerifier(provider));
            }

            return builder;
        }

        private static string KeyPrefix(IConfiguration configuration) =>
            configuration is IConfigurationSection section ? section.Path + ":" : string.Empty;

        private static void RequireName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A named Plaid partner registration needs a non-empty name.", nameof(name));
            }
        }
    }
}
