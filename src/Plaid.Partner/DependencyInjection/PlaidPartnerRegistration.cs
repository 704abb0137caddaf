using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plaid.Partner.Internal;

namespace Plaid.Partner.DependencyInjection
{
    /// <summary>
    /// One <c>AddPlaidPartner</c> registration inside one service provider (a singleton there): the
    /// <see cref="PlaidCallPipeline"/> every client resolved from it shares, built on first use and again after that
    /// name's options change (<see cref="IOptionsMonitor{TOptions}.OnChange"/>), and the client factory itself.
    /// </summary>
    /// <remarks>
    /// Resolving a client costs what resolving a typed client (<c>AddHttpClient&lt;T&gt;</c>) costs: the factory's
    /// HttpClient and two small objects. The HttpClient is asked of <see cref="IHttpClientFactory"/> for each resolved
    /// client, as a typed client's is, and not kept by the pipeline: the factory pools the handler chain and rotates it
    /// (HandlerLifetime), so a client resolved per request or per scope follows DNS changes, and handlers added through
    /// the builder <c>AddPlaidPartner</c> returns run on every call. A client held for a long time keeps its HttpClient,
    /// exactly like a typed client. Asking the factory on every call instead would cost the same per call as a
    /// resolve does now, for every call of a reused client.
    /// </remarks>
    internal sealed class PlaidPartnerRegistration : IDisposable
    {
        private readonly string _name;
        private readonly string _httpClientName;
        private readonly IOptionsMonitor<PlaidPartnerOptions> _options;
        private readonly IHttpClientFactory _httpClientFactory;
        private readonly ILogger<PlaidPartnerClient>? _logger;
        private readonly TimeProvider? _timeProvider;
        private readonly IDisposable? _onChange;
        private PlaidCallPipeline? _pipeline;

        // Counts option changes, so a pipeline built from options that changed meanwhile is not kept.
        private int _version;

        public PlaidPartnerRegistration(string name, string httpClientName, IOptionsMonitor<PlaidPartnerOptions> options, IHttpClientFactory httpClientFactory, ILogger<PlaidPartnerClient>? logger, TimeProvider? timeProvider)
        {
            _name = name;
            _httpClientName = httpClientName;
            _options = options;
            _httpClientFactory = httpClientFactory;
            _logger = logger;
            _timeProvider = timeProvider;
            _onChange = options.OnChange((_, changed) =>
            {
                if (string.Equals(changed ?? Options.DefaultName, _name, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _version);
                    Volatile.Write(ref _pipeline, null);
                }
            });
        }

        /// <summary>The pipeline of this registration's current options; building it validates them.</summary>
        public PlaidCallPipeline Pipeline => Volatile.Read(ref _pipeline) ?? Build();

        /// <summary>A client on the shared pipeline and a new HttpClient from the factory.</summary>
        public PlaidPartnerClient CreateClient() => new(Pipeline, _httpClientFactory.CreateClient(_httpClientName));

        public void Dispose() => _onChange?.Dispose();

        private PlaidCallPipeline Build()
        {
            var version = Volatile.Read(ref _version);
            var pipeline = PlaidCallPipeline.Create(_options.Get(_name), _logger, _timeProvider);
            if (Volatile.Read(ref _version) == version && Interlocked.CompareExchange(ref _pipeline, pipeline, null) is { } other)
            {
                // Another resolve built it first: share that one.
                return other;
            }

            // A change that raced this build clears what may have been stored; the next resolve builds again.
            if (Volatile.Read(ref _version) != version)
            {
                Interlocked.CompareExchange(ref _pipeline, null, pipeline);
            }

            return pipeline;
        }
    }
}
