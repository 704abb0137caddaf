// The consumption test's program (.ci/consume-packages.sh copies it into a fresh `dotnet new console` project
// outside the repository that references the packed Plaid.Partner, Plaid.Partner.Emulator, Plaid.Partner.Testing and
// Plaid.Partner.AspNetCore packages only). It does what a user's first program would, and exits non-zero on the first
// thing that does not work.
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plaid.Partner;
using Plaid.Partner.AspNetCore;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Emulator;
using Plaid.Partner.Testing;
using Plaid.Partner.Webhooks;

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

    // Plaid.Partner.Testing: a receiver's test, offline.
    using (var signer = new PlaidWebhookSigner())
    using (var forger = new PlaidWebhookSigner())
    using (var keys = new HttpClient(signer.CreateKeyEndpointHandler()))
    {
        var verifier = new PlaidWebhookVerifier(new PlaidPartnerClient(keys, new PlaidPartnerOptions { ClientId = "consumer", Secret = "consumer-secret", Environment = PlaidEnvironment.Production }));
        var body = "{\n  \"webhook_type\": \"PARTNER\",\n  \"webhook_code\": \"END_CUSTOMER_OAUTH_STATUS_UPDATED\"\n}"u8.ToArray();
        Check((await verifier.VerifyAsync(body, signer.Sign(body))).IsVerified, "a PlaidWebhookSigner token verifies through the signer's key endpoint handler");
        Check((await verifier.VerifyAsync(body, forger.Sign(body))).FailureReason == WebhookVerificationFailureReason.KeyNotFound, "another signer's token is refused");
    }

    // Plaid.Partner.AspNetCore: the emulator's signed webhook reaches a typed handler through one mapping line.
    var web = WebApplication.CreateSlimBuilder();
    web.WebHost.UseUrls("http://127.0.0.1:0");
    web.Logging.ClearProviders();
    web.Services.AddSingleton<Inbox>();
    web.Services.AddPlaidPartner(o =>
    {
        o.ClientId = emulator.ClientId;
        o.Secret = emulator.Secret;
        o.Environment = emulator.Environment;
    });
    web.Services.AddPlaidPartnerWebhooks().AddHandler<InboxHandler>();
    await using (var receiver = web.Build())
    {
        receiver.MapPlaidPartnerWebhooks("/plaid/webhooks");
        await receiver.StartAsync();
        await emulator.SetWebhookUrlAsync(new Uri(new Uri(receiver.Urls.Single()), "/plaid/webhooks"));
        var delivery = await emulator.SetOAuthStatusAsync(id, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
        var update = receiver.Services.GetRequiredService<Inbox>().Updates.SingleOrDefault();
        Check(delivery?.StatusCode == 200, $"MapPlaidPartnerWebhooks answers the emulator's signed webhook 200 ({delivery?.StatusCode}{delivery?.Error})");
        Check(update?.EndCustomerClientId == id && update.InstitutionId == "ins_56", "the handler got the parsed END_CUSTOMER_OAUTH_STATUS_UPDATED webhook");
        await receiver.StopAsync();
    }

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

sealed class Inbox
{
    public ConcurrentQueue<PartnerEndCustomerOAuthStatusUpdatedWebhook> Updates { get; } = new();
}

sealed class InboxHandler(Inbox inbox) : IPlaidWebhookHandler<PartnerEndCustomerOAuthStatusUpdatedWebhook>
{
    public Task HandleAsync(PartnerEndCustomerOAuthStatusUpdatedWebhook webhook, PlaidWebhookContext context, CancellationToken cancellationToken)
    {
        inbox.Updates.Enqueue(webhook);
        return Task.CompletedTask;
    }
}
