using System.Threading.Tasks;
using NUnit.Framework;

namespace Plaid.Partner.Ledger.Tests
{
    /// <summary>The store contract on a SQLite file.</summary>
    [TestFixture]
    public sealed class SqliteLedgerTests : LedgerContractTests
    {
        protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new SqliteStoreUnderTest());
    }
}
