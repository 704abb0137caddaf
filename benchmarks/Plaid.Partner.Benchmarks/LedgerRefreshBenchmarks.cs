using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// L2 (issue 23): <see cref="EndCustomerLedger.RefreshAllAsync"/> over 1,000 ACTIVE end customers with 3 OAuth
    /// institutions each, against the embedded emulator over loopback, next to the same get + oauth_institutions calls
    /// made with the bare client at the same concurrency (<see cref="Concurrency"/>), through the same HttpClient. Target:
    /// Ratio at most 1.15; allocations per customer are the Allocated column / 1,000. Nothing changes between
    /// invocations, so the ledger's cost is its reads, its per-record transaction and the last-read stamp.
    /// PostgreSQL comes from PLAID_PARTNER_TEST_POSTGRES, else .ci/install-postgresql.sh's server.
    /// </summary>
    [MemoryDiagnoser]
    public class LedgerRefreshBenchmarks
    {
        public const int Customers = 1000;

        public const int Concurrency = 4;

        private readonly List<string> _clientIds = new();
        private PlaidPartnerEmulator _emulator = null!;
        private HttpClient _http = null!;
        private PlaidPartnerClient _client = null!;
        private EndCustomerLedger _ledger = null!;
        private string? _folder;
        private string? _schema;

        [Params("sqlite", "postgres")]
        public string Store { get; set; } = "sqlite";

        private static string Postgres =>
            Environment.GetEnvironmentVariable("PLAID_PARTNER_TEST_POSTGRES") is { Length: > 0 } value
                ? value
                : "Host=127.0.0.1;Port=5432;Username=plaid_ledger;Password=plaid_ledger;Database=plaid_ledger";

        /// <summary>
        /// 0: the emulator answers at once, so the ledger's own cost is all the difference. 20: each read waits 20 ms first,
        /// a round trip still shorter than Plaid's own, to show the same ledger next to a network.
        /// </summary>
        [Params(0, 20)]
        public int PlaidLatencyMs { get; set; }

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions
            {
                Environment = PlaidEnvironment.Production,
                NewCustomerStatus = PartnerEndCustomerStatus.PendingEnablement,
            });
            _http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            _client = new PlaidPartnerClient(_http, _emulator.CreateClientOptions());
            var options = new EndCustomerLedgerOptions();
            if (Store == "postgres")
            {
                _schema = "ledger_refresh_bench_" + Guid.NewGuid().ToString("N");
                await OnPostgresAsync(Postgres, $"CREATE SCHEMA {_schema}");
                options.UsePostgres(new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = _schema }.ToString());
            }
            else
            {
                _folder = Path.Combine(Path.GetTempPath(), "plaid-ledger-refresh-bench-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(_folder);
                options.UseSqlite(Path.Combine(_folder, "ledger.db"));
            }

            _ledger = new EndCustomerLedger(_client, options);
            for (var i = 0; i < Customers; i++)
            {
                var request = Support.CreateRequests.Library();
                request.ApplicationName = $"Refresh bench {i}";
                var created = await _ledger.OnboardAsync($"account-{i:D4}", request);
                Support.BenchmarkOptions.Expect(created.Outcome == OnboardingOutcome.Created, "the ledger creates through the emulator");
                await _client.EnableEndCustomerAsync(created.Record.ClientId!);
                _clientIds.Add(created.Record.ClientId!);
            }

            var first = await _ledger.RefreshAllAsync(EndCustomerFilter.All, Concurrency);
            Support.BenchmarkOptions.Expect(first.Read == Customers && first.Failures.Count == 0, "every end customer refreshes");
            var institutions = await _client.GetEndCustomerOAuthInstitutionsAsync(_clientIds[0]);
            Support.BenchmarkOptions.Expect(institutions.Institutions?.Count == 3, "3 OAuth institutions per end customer");
            if (PlaidLatencyMs > 0)
            {
                var delay = EmulatorFault.Delay(TimeSpan.FromMilliseconds(PlaidLatencyMs));
                await _emulator.InjectFaultAsync("/partner/customer/get", delay);
                await _emulator.InjectFaultAsync("/partner/customer/oauth_institutions/get", delay);
            }
        }

        [GlobalCleanup]
        public async Task CleanupAsync()
        {
            await _ledger.DisposeAsync();
            if (_schema is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await OnPostgresAsync(Postgres, $"DROP SCHEMA {_schema} CASCADE");
            }

            if (_folder is not null)
            {
                Directory.Delete(_folder, recursive: true);
            }

            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        [Benchmark(Baseline = true, Description = "1,000 get + oauth_institutions, bare client")]
        public async Task BareClient()
        {
            var next = -1;
            var workers = new Task[Concurrency];
            for (var w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < _clientIds.Count)
                    {
                        await _client.GetEndCustomerAsync(_clientIds[i]);
                        await _client.GetEndCustomerOAuthInstitutionsAsync(_clientIds[i]);
                    }
                });
            }

            await Task.WhenAll(workers);
        }

        [Benchmark(Description = "RefreshAllAsync over 1,000 ACTIVE")]
        public async Task Ledger()
        {
            var summary = await _ledger.RefreshAllAsync(EndCustomerFilter.All, Concurrency);
            if (summary.Read != Customers)
            {
                throw new InvalidOperationException($"{summary.Read} refreshed, {summary.Failures.Count} failed");
            }
        }

        private static async Task OnPostgresAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
