using System;
using System.Threading.Tasks;
using Npgsql;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>
    /// A schema of its own in the test database, so tests never see each other's records. The server comes from
    /// PLAID_PARTNER_TEST_POSTGRES (a connection string), else from what .ci/install-postgresql.sh sets up.
    /// </summary>
    public sealed class PostgresStoreUnderTest : StoreUnderTest
    {
        public const string Variable = "PLAID_PARTNER_TEST_POSTGRES";

        public const string Default = "Host=127.0.0.1;Port=5432;Username=plaid_ledger;Password=plaid_ledger;Database=plaid_ledger;Timeout=30";

        private readonly string _schema = "ledger_test_" + Guid.NewGuid().ToString("N");

        private PostgresStoreUnderTest()
        {
            // A small pool per process: the race runs two processes with 50 onboardings each on a 2-core machine, and a
            // server's default 100 connections would be used up; a caller waits for a pooled connection instead.
            Connection = new NpgsqlConnectionStringBuilder(Server) { SearchPath = _schema, MaxPoolSize = 10, Timeout = 30 }.ToString();
        }

        public static string Server { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : Default;

        public override string Kind => "postgres";

        public override string Connection { get; }

        public static async Task<PostgresStoreUnderTest> CreateAsync()
        {
            var store = new PostgresStoreUnderTest();
            try
            {
                await store.OnServerAsync($"CREATE SCHEMA {store._schema}");
            }
            catch (NpgsqlException exception)
            {
                ExternalDependency.Missing(
                    $"No PostgreSQL server answered at {new NpgsqlConnectionStringBuilder(Server) { Password = null }} ({exception.Message})",
                    $"run .ci/install-postgresql.sh (as root), or set {Variable} to a connection string for a database the tests may create schemas in");
            }

            return store;
        }

        public override EndCustomerLedgerOptions Unreachable() =>
            new EndCustomerLedgerOptions().UsePostgres(new NpgsqlConnectionStringBuilder(Connection) { Port = 1, Timeout = 2 }.ToString());

        public override async Task<string> DumpAsync()
        {
            await using var connection = new NpgsqlConnection(Connection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT coalesce((SELECT string_agg(t::text, '|') FROM plaid_end_customers t), '') || " +
                "coalesce((SELECT string_agg(t::text, '|') FROM plaid_end_customer_status_changes t), '') || " +
                "coalesce((SELECT string_agg(t::text, '|') FROM plaid_end_customer_oauth t), '')",
                connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        public override async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(Connection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }

        private async Task OnServerAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
