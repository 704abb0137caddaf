using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Partner.Benchmarks.Support;
using Plaid.Partner.Benchmarks.Support.HandWrittenModels;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// P5: <see cref="PlaidPartnerClient"/> used the way an ASP.NET Core app uses it, resolved from
    /// <c>AddPlaidPartner</c> in each request's scope, next to a hand-written typed client registered with
    /// <c>AddHttpClient&lt;T&gt;</c> making the same call. Both live in one container and send through the factory to the
    /// same kind of in-process stub. Targets: a scope, a resolve and one get at most 1.15x the typed client's time and
    /// allocations; a resolve alone at most 2x the typed client's resolve. The typed client is given the same factory
    /// configuration as the library's registration (no IHttpClientFactory logging handlers), so only the clients differ.
    /// </summary>
    /// <remarks>
    /// Resolving through the container and the factory runs tiered-JIT code for longer than a short job's three warm-up
    /// iterations: both sides start near 40 µs a call and settle after about 100,000 calls (about 3 µs). Thirty warm-up
    /// iterations, whatever the job, let every measured iteration see settled code on both sides.
    /// </remarks>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    [WarmupCount(30)]
    public class PerRequestBenchmarks
    {
        private const string Id = PlaidExampleResponses.EndCustomerClientId;
        private const string ResolveAndGet = "scope + resolve + get";
        private const string Resolve = "resolve";

        private ServiceProvider _provider = null!;
        private AsyncServiceScope _scope;

        [GlobalSetup]
        public async Task SetupAsync()
        {
            var services = new ServiceCollection();
            services.AddPlaidPartner(o =>
                {
                    o.ClientId = BenchmarkOptions.ClientId;
                    o.Secret = BenchmarkOptions.Secret;
                    o.Environment = PlaidEnvironment.Production;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new StubPlaidHandler(PlaidExampleResponses.GetResponse));
            services.AddHttpClient<TypedPlaidClient>()
                .ConfigurePrimaryHttpMessageHandler(() => new StubPlaidHandler(PlaidExampleResponses.GetResponse))
                .RemoveAllLoggers();
            _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            _scope = _provider.CreateAsyncScope();

            BenchmarkOptions.Expect((await TypedScopeResolveGet()).EndCustomer?.Status == "ACTIVE", "the typed client reads Plaid's example response");
            BenchmarkOptions.Expect((await ClientScopeResolveGet()).EndCustomer?.Status == PartnerEndCustomerStatus.Active, "PlaidPartnerClient reads Plaid's example response");
            BenchmarkOptions.Expect(TypedResolve() != TypedResolve() && ClientResolve() != ClientResolve(), "both are transient, so each resolve builds a client");
        }

        [GlobalCleanup]
        public async Task CleanupAsync()
        {
            await _scope.DisposeAsync();
            await _provider.DisposeAsync();
        }

        [Benchmark(Baseline = true, Description = "typed client (AddHttpClient<T>): scope, resolve, get")]
        [BenchmarkCategory(ResolveAndGet)]
        public async Task<EndCustomerResponse> TypedScopeResolveGet()
        {
            await using var scope = _provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TypedPlaidClient>().GetEndCustomerAsync(Id);
        }

        [Benchmark(Description = "PlaidPartnerClient (AddPlaidPartner): scope, resolve, get")]
        [BenchmarkCategory(ResolveAndGet)]
        public async Task<PartnerCustomerGetResponse> ClientScopeResolveGet()
        {
            await using var scope = _provider.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PlaidPartnerClient>().GetEndCustomerAsync(Id);
        }

        [Benchmark(Baseline = true, Description = "typed client (AddHttpClient<T>): resolve")]
        [BenchmarkCategory(Resolve)]
        public TypedPlaidClient TypedResolve() => _scope.ServiceProvider.GetRequiredService<TypedPlaidClient>();

        [Benchmark(Description = "PlaidPartnerClient (AddPlaidPartner): resolve")]
        [BenchmarkCategory(Resolve)]
        public PlaidPartnerClient ClientResolve() => _scope.ServiceProvider.GetRequiredService<PlaidPartnerClient>();
    }
}
