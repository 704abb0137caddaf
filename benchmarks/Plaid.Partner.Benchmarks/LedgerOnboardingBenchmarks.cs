using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Plaid.Partner.Emulator;
using Plaid.Partner.Ledger;

namespace Plaid.Partner.Benchmarks
{
    /// <summary>
    /// L1 (issue 22): onboarding 1,000 end customers against the embedded emulator over loopback, through
    /// <see cref="EndCustomerLedger.OnboardAsync(string, PartnerCustomerCreateRequest, CancellationToken)"/> (intent recorded,
    /// create sent, answer recorded), next to the same 1,000 creates sent with the bare client, <see cref="Concurrency"/> at a
    /// time, through the same HttpClient. Target: Ratio at most 1.15 on SQLite (a file); PostgreSQL reported. Each
    /// invocation onboards new references (Plaid wants a new application name per end customer). The store's bytes per
    /// record are printed at cleanup ("bytes per record"), from SQLite's page count or PostgreSQL's relation sizes.
    /// PostgreSQL comes from PLAID_PARTNER_TEST_POSTGRES, else .ci/install-postgresql.sh's server.
    /// </summary>
    [MemoryDiagnoser]
    public class LedgerOnboardingBenchmarks
    {
        public const int Customers = 1000;

        public const int Concurrency = 8;

        private static int _batch;
        private PlaidPartnerEmulator _emulator = null!;
        private HttpClient _http = null!;
        private PlaidPartnerClient _client = null!;
        private EndCustomerLedger _ledger = null!;
        private string _folder = null!;
        private string _schema = null!;
        private int _records;

        // sqlite-normal: EndCustomerLedgerOptions.SqliteFlushEveryCommit = false (no flush per commit).
        [Params("sqlite", "sqlite-normal", "postgres")]
        public string Store { get; set; } = "sqlite";

        private static string Postgres =>
            Environment.GetEnvironmentVariable("PLAID_PARTNER_TEST_POSTGRES") is { Length: > 0 } value
                ? value
                : "Host=127.0.0.1;Port=5432;Username=plaid_ledger;Password=plaid_ledger;Database=plaid_ledger";

        /// <summary>
        /// 0: the emulator answers at once, so the ledger's own cost is all the difference. 20: each create waits 20 ms first,
        /// a round trip still shorter than Plaid's own, to show the same ledger next to a network.
        /// </summary>
        [Params(0, 20)]
        public int PlaidLatencyMs { get; set; }

        [GlobalSetup]
        public async Task SetupAsync()
        {
            _emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Production });
            _http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            _client = new PlaidPartnerClient(_http, _emulator.CreateClientOptions());
            var options = new EndCustomerLedgerOptions();
            if (Store == "postgres")
            {
                _schema = "ledger_bench_" + Guid.NewGuid().ToString("N");
                await OnPostgresAsync(Postgres, $"CREATE SCHEMA {_schema}");
                options.UsePostgres(new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = _schema }.ToString());
            }
            else
            {
                _folder = Path.Combine(Path.GetTempPath(), "plaid-ledger-bench-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(_folder);
                options.UseSqlite(Path.Combine(_folder, "ledger.db"));
                options.SqliteFlushEveryCommit = Store != "sqlite-normal";
            }

            _ledger = new EndCustomerLedger(_client, options);
            await _ledger.InitializeAsync();
            var check = await _ledger.OnboardAsync("check", Request("check"));
            Support.BenchmarkOptions.Expect(check.Outcome == OnboardingOutcome.Created, "the ledger creates through the emulator");
            _records = 1;
            if (PlaidLatencyMs > 0)
            {
                await _emulator.InjectFaultAsync("/partner/customer/create", EmulatorFault.Delay(TimeSpan.FromMilliseconds(PlaidLatencyMs)));
            }
        }

        [GlobalCleanup]
        public async Task CleanupAsync()
        {
            long bytes;
            if (Store == "postgres")
            {
                var connection = new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = _schema }.ToString();
                bytes = await ScalarAsync(connection, "SELECT pg_total_relation_size('plaid_end_customers') + pg_total_relation_size('plaid_end_customer_status_changes')");
                await _ledger.DisposeAsync();
                NpgsqlConnection.ClearAllPools();
                await OnPostgresAsync(Postgres, $"DROP SCHEMA {_schema} CASCADE");
            }
            else
            {
                await _ledger.DisposeAsync();
                await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "ledger.db")};Pooling=False"))
                {
                    await connection.OpenAsync();
                    await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", connection);
                    await checkpoint.ExecuteNonQueryAsync();
                }

                bytes = new FileInfo(Path.Combine(_folder, "ledger.db")).Length;
                Directory.Delete(_folder, recursive: true);
            }

            Console.WriteLine($"// L1 {Store}: {bytes} bytes for {_records} records = {bytes / (double)_records:F0} bytes per record");
            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        [Benchmark(Baseline = true, Description = "1,000 creates, bare client")]
        public Task BareClient() => RunAsync(async (name, _) => await _client.CreateEndCustomerAsync(Request(name)));

        [Benchmark(Description = "1,000 onboardings through the ledger")]
        public Task Ledger() => RunAsync(async (name, reference) =>
        {
            var result = await _ledger.OnboardAsync(reference, Request(name));
            if (result.Outcome != OnboardingOutcome.Created)
            {
                throw new InvalidOperationException($"{reference}: {result.Outcome}");
            }

            Interlocked.Increment(ref _records);
        });

        private static PartnerCustomerCreateRequest Request(string name)
        {
            var request = Support.CreateRequests.Library();
            request.ApplicationName = name;
            return request;
        }

        private static async Task RunAsync(Func<string, string, Task> onboard)
        {
            var batch = Interlocked.Increment(ref _batch);
            var next = -1;
            var workers = new Task[Concurrency];
            for (var w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < Customers)
                    {
                        await onboard($"Bench {batch}-{i}", $"account-{batch}-{i}");
                    }
                });
            }

            await Task.WhenAll(workers);
        }

        private static async Task OnPostgresAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        private static async Task<long> ScalarAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
