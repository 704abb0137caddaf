// The consumption test's program (.ci/consume-packages.sh copies it into a fresh `dotnet new console` project
// outside the repository that references the packed Plaid.Partner and Plaid.Partner.Emulator packages only).
// It does what a user's first program would, and exits non-zero on the first thing that does not work.
using System.Reflection;
using Plaid.Partner;
using Plaid.Partner.Emulator;

var expectedVersion = args.Length > 0 ? args[0] : throw new ArgumentException("usage: dotnet run -- <expected package version>");

try
{
    var version = typeof(PlaidPartnerClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
    Check(version.StartsWith(expectedVersion, StringComparison.Ordinal), $"Plaid.Partner is the packed version {expectedVersion} (assembly says {version})");
    Check(PlaidEnvironment.Parse("production").IsProduction && !PlaidEnvironment.Parse("Sandbox").IsProduction, "PlaidEnvironment.Parse reads environment names");

    var sandbox = new PlaidPartnerClient(new PlaidPartnerOptions { ClientId = "consumer", Secret = "consumer-secret", Environment = PlaidEnvironment.Sandbox });
    try
    {
        await sandbox.CreateEndCustomerAsync(NewCustomer());
        Check(false, "a Sandbox client refuses to create an end customer");
    }
    catch (PlaidProductionOnlyException)
    {
        Check(true, "a Sandbox client refuses to create an end customer, before sending anything");
    }

    await using var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { Environment = PlaidEnvironment.Production });
    Check(emulator.BaseAddress.IsLoopback, $"the emulator listens on loopback ({emulator.BaseAddress})");
    var client = new PlaidPartnerClient(emulator.CreateClientOptions());

    var created = (await client.CreateEndCustomerAsync(NewCustomer())).EndCustomer;
    var id = created?.ClientId ?? "";
    Check(id.Length > 0 && created!.Status == PartnerEndCustomerStatus.UnderReview, $"create answers a new end customer under review ({id}, {created?.Status})");

    var read = (await client.GetEndCustomerAsync(id)).EndCustomer;
    Check(read?.ClientId == id && read.CompanyName == "Consumer Co", "get reads it back");

    await emulator.SetCustomerStatusAsync(id, PartnerEndCustomerStatus.PendingEnablement);
    var enabled = await client.EnableEndCustomerAsync(id);
    Check(!string.IsNullOrEmpty(enabled.ProductionSecret), "enable answers a production secret");
    Check((await client.GetEndCustomerAsync(id)).EndCustomer?.Status == PartnerEndCustomerStatus.Active, "the end customer is now ACTIVE");

    Console.WriteLine("package consumer: every check passed");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"package consumer: FAILED: {e}");
    return 1;
}

static PartnerCustomerCreateRequest NewCustomer() => new()
{
    CompanyName = "Consumer Co",
    LegalEntityName = "Consumer Co, Inc.",
    ApplicationName = "Consumer App",
    Website = "https://consumer.example",
    IsDiligenceAttested = true,
    IsBankAddendumCompleted = true,
    Products = new[] { Products.Auth },
    Address = new PartnerEndCustomerAddress { Street = "1 Main St", City = "New York", Region = "NY", PostalCode = "10001", CountryCode = "US" },
};

static void Check(bool ok, string what)
{
    if (!ok)
    {
        throw new InvalidOperationException($"check failed: {what}");
    }

    Console.WriteLine($"  ok  {what}");
}
