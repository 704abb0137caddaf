using System;
using System.Threading.Tasks;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>One fresh, empty store for one test, and what the contract tests need to know about it.</summary>
    public abstract class StoreUnderTest : IAsyncDisposable
    {
        /// <summary>"sqlite" or "postgres", as the race helper takes it.</summary>
        public abstract string Kind { get; }

        /// <summary>The file path or connection string.</summary>
        public abstract string Connection { get; }

        public EndCustomerLedgerOptions Options() =>
            Kind == "postgres" ? new EndCustomerLedgerOptions().UsePostgres(Connection) : new EndCustomerLedgerOptions().UseSqlite(Connection);

        /// <summary>Options for a store of this kind that cannot be reached.</summary>
        public abstract EndCustomerLedgerOptions Unreachable();

        /// <summary>Every byte the store holds, as text, to look for secrets in.</summary>
        public abstract Task<string> DumpAsync();

        /// <summary>Runs raw SQL on the store (for the schema tests).</summary>
        public abstract Task ExecuteAsync(string sql);

        public abstract ValueTask DisposeAsync();
    }
}
