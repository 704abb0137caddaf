using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Internal;

namespace Plaid.Partner.DependencyInjection
{
    /// <summary>
    /// One <c>AddPlaidPartner</c> registration inside one service provider (a singleton there): it makes the clients (the
    /// webhook verifier's too, one per key fetch), and keeps the <see cref="PlaidCallPipeline"/> they share, built from the
    /// registration's current options.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Resolving a client costs about what resolving a typed client (<c>AddHttpClient&lt;T&gt;</c>) costs: the factory's
    /// HttpClient, two small objects and one look-up in the options cache. The HttpClient is asked of
    /// <see cref="IHttpClientFactory"/> for each resolved client, as a typed client's is, and never kept by the pipeline:
    /// the factory pools and rotates the handler chain (HandlerLifetime), so clients resolved per request follow DNS
    /// changes, and handlers added to the builder <c>AddPlaidPartner</c> returns run on every call. A client held for a
    /// long time keeps its HttpClient, exactly like a typed client. Asking the factory on every call instead would cost a
    /// reused client, per call, what a resolve costs.
    /// </para>
    /// <para>
    /// The pipeline is rebuilt when <see cref="IOptionsMonitor{TOptions}"/> hands out a different options instance for
    /// the name: after a configuration change (what <see cref="IOptionsMonitor{TOptions}.OnChange"/> reports) and also
    /// after a change to options that fail validation, which OnChange never reports (the monitor validates before it
    /// notifies); a resolve then throws <see cref="OptionsValidationException"/> naming the setting until it is fixed.
    /// </para>
    /// </remarks>
    internal sealed class PlaidPartnerRegistration
    {
        private readonly string _name;
        private readonly string _httpClientName;
        private readonly IOptionsMonitor<PlaidPartnerOptions> _options;
        private readonly IHttpClientFactory _httpClientFactory;
        private readonly ILogger<PlaidPartnerClient>? _logger;
        private readonly TimeProvider? _timeProvider;
        private Built? _built;

        public PlaidPartnerRegistration(
            string name,
            string httpClientName,
            IOptionsMonitor<PlaidPartnerOptions> options,
            IHttpClientFactory httpClientFactory,
            ILogger<PlaidPartnerClient>? logger,
            TimeProvider? timeProvider,
            IMeterFactory? meterFactory)
        {
            _name = name;
            _httpClientName = httpClientName;
            _options = options;
            _httpClientFactory = httpClientFactory;
            _logger = logger;
            _timeProvider = timeProvider;
            Metrics = PlaidMetrics.For(meterFactory);
        }

        /// <summary>The instruments on the container's meter factory, for the registration's calls and its webhook verifier.</summary>
        public PlaidMetrics Metrics { get; }

        /// <summary>The pipeline of the registration's current options (validated by the options monitor).</summary>
        public PlaidCallPipeline Pipeline
        {
            get
            {
                var options = _options.Get(_name);
                var built = Volatile.Read(ref _built);
                if (built is not null && ReferenceEquals(built.Options, options))
                {
                    return built.Pipeline;
                }

                // Two resolves racing a change may both build; either result is right, and a stale one is replaced on the
                // next resolve because its options are no longer the monitor's.
                built = new Built(options, PlaidCallPipeline.Create(options, _logger, _timeProvider, Metrics));
                Volatile.Write(ref _built, built);
                return built.Pipeline;
            }
        }

        /// <summary>A client on the shared pipeline and a new HttpClient from the factory.</summary>
        public PlaidPartnerClient CreateClient() => new(Pipeline, _httpClientFactory.CreateClient(_httpClientName));

        private sealed class Built
        {
            public Built(PlaidPartnerOptions options, PlaidCallPipeline pipeline)
            {
                Options = options;
                Pipeline = pipeline;
            }

            public PlaidPartnerOptions Options { get; }

            public PlaidCallPipeline Pipeline { get; }
        }
    }
}
