using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>
    /// The store contract on PostgreSQL (a schema of its own per test). Without a reachable server these tests are skipped
    /// with the reason, and fail in CI, which installs one (.ci/install-postgresql.sh).
    /// </summary>
    [TestFixture]
    public sealed class PostgresLedgerTests : LedgerContractTests
    {
        protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresStoreUnderTest.CreateAsync();
    }
}
