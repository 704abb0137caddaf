// The emulator tool's consumption test (.ci/consume-packages.sh copies it into a fresh `dotnet new console` project
// outside the repository that references the packed Plaid.Partner package only). The emulator runs apart, installed
// with `dotnet tool install` from the packed Plaid.Partner.Emulator.Tool and started as plaid-partner-emulator with
// --new-customer-status PENDING_ENABLEMENT, the way a team in any language runs it in CI. This program walks the GA
// end-customer lifecycle against it and exits non-zero on the first thing that does not work.
using Plaid.Partner;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: dotnet run -- <emulator base address> <client id> <secret>");
    return 2;
}

try
{
    var client = new PlaidPartnerClient(new PlaidPartnerOptions
    {
        ClientId = args[1],
        Secret = args[2],
        Environment = PlaidEnvironment.Custom(new Uri(args[0], UriKind.Absolute), PlaidEnvironment.Production),
    });

    var created = (await client.CreateEndCustomerAsync(NewCustomer("Tool Co"))).EndCustomer;
    var id = created?.ClientId ?? "";
    Check(id.Length > 0 && created!.Status == PartnerEndCustomerStatus.PendingEnablement, $"create answers a new end customer in the status the tool was started with ({id}, {created?.Status})");

    var read = (await client.GetEndCustomerAsync(id)).EndCustomer;
    Check(read?.ClientId == id && read.CompanyName == "Tool Co", "get reads it back");

    var oauth = await client.GetEndCustomerOAuthInstitutionsAsync(id);
    Check(oauth.Institutions is { Count: > 0 }, $"OAuth institutions are listed ({oauth.Institutions?.Count})");

    var enabled = await client.EnableEndCustomerAsync(id);
    Check(!string.IsNullOrEmpty(enabled.ProductionSecret), "enable answers a production secret");
    Check((await client.GetEndCustomerAsync(id)).EndCustomer?.Status == PartnerEndCustomerStatus.Active, "the end customer is now ACTIVE");

    var refused = await ErrorCodeOf(() => client.RemoveEndCustomerAsync(id));
    Check(refused == PlaidPartnerErrorCodes.CustomerRemovalNotAllowed, $"removing an ACTIVE end customer is refused ({refused})");

    var second = (await client.CreateEndCustomerAsync(NewCustomer("Second Co"))).EndCustomer?.ClientId ?? "";
    await client.RemoveEndCustomerAsync(second);
    var gone = await ErrorCodeOf(() => client.GetEndCustomerAsync(second));
    Check(gone == PlaidPartnerErrorCodes.CustomerNotFound, $"a removed end customer is not found ({gone})");

    var wrongSecret = new PlaidPartnerClient(new PlaidPartnerOptions
    {
        ClientId = args[1],
        Secret = "not-the-secret",
        Environment = PlaidEnvironment.Custom(new Uri(args[0], UriKind.Absolute), PlaidEnvironment.Production),
    });
    var unauthorized = await ErrorCodeOf(() => wrongSecret.GetEndCustomerAsync(id));
    Check(unauthorized == "INVALID_API_KEYS", $"the tool accepts only the credentials it was started with ({unauthorized})");

    Console.WriteLine("tool consumer: every check passed");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"tool consumer: FAILED: {e}");
    return 1;
}

static async Task<string?> ErrorCodeOf(Func<Task> call)
{
    try
    {
        await call();
        return "(no error)";
    }
    catch (PlaidApiException e)
    {
        return e.ErrorCode;
    }
}

static PartnerCustomerCreateRequest NewCustomer(string name) => new()
{
    CompanyName = name,
    LegalEntityName = $"{name}, Inc.",
    ApplicationName = $"{name} App",
    Website = "https://tool.example",
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
