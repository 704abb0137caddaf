using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>A SQLite file in a folder of its own under the system's temp folder.</summary>
    public sealed class SqliteStoreUnderTest : StoreUnderTest
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "plaid-ledger-tests", Guid.NewGuid().ToString("N"));

        public SqliteStoreUnderTest()
        {
            Directory.CreateDirectory(_folder);
        }

        public override string Kind => "sqlite";

        public override string Connection => Path.Combine(_folder, "ledger.db");

        public override EndCustomerLedgerOptions Unreachable() =>
            new EndCustomerLedgerOptions().UseSqlite(Path.Combine(_folder, "no-such-folder", "ledger.db"));

        public override async Task<string> DumpAsync()
        {
            // Fold the write-ahead log into the file, then read every file the database has.
            await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var text = new StringBuilder();
            foreach (var file in Directory.GetFiles(_folder))
            {
                text.Append(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            }

            return text.ToString();
        }

        public override async Task ExecuteAsync(string sql)
        {
            await using var connection = new SqliteConnection($"Data Source={Connection};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere; the temp folder is cleaned by the system.
            }

            return ValueTask.CompletedTask;
        }
    }
}
