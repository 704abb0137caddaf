using System;
using Microsoft.AspNetCore.Builder;
using Plaid.Partner;
using Plaid.Partner.AspNetCore;
using Plaid.Partner.DependencyInjection;
using Plaid.Partner.Samples.WebhookReceiver;

// Configure with PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV (production or sandbox: the environment the webhooks
// come from, since webhook key ids are per environment). Plaid posts to https://<your host>/plaid/webhooks.
// PLAID_BASE_ADDRESS (optional) sends the key fetches elsewhere than Plaid: the local emulator, e.g.
// http://127.0.0.1:5080 with its credentials, to watch this receiver accept the emulator's webhooks (README, "Verify webhooks").
var builder = WebApplication.CreateBuilder(args);

// The client, and the PlaidWebhookVerifier that fetches and caches Plaid's keys through it.
builder.Services.AddPlaidPartner(options =>
{
    options.ClientId = builder.Configuration["PLAID_CLIENT_ID"];
    options.Secret = builder.Configuration["PLAID_SECRET"];
    options.Environment = PlaidEnvironment.Parse(builder.Configuration["PLAID_ENV"] ?? "sandbox");
    var baseAddress = builder.Configuration["PLAID_BASE_ADDRESS"];
    options.BaseAddress = string.IsNullOrWhiteSpace(baseAddress) ? null : new Uri(baseAddress, UriKind.Absolute);
});

// What to do with each verified webhook.
builder.Services.AddPlaidPartnerWebhooks()
    .AddHandler<OAuthStatusUpdatedHandler>()
    .AddHandler<OtherWebhooksHandler>();

var app = builder.Build();

// Raw body (at most 64 KB), signature, parsing, handlers: 200, 400, 413, 500 or 503.
app.MapPlaidPartnerWebhooks("/plaid/webhooks");

app.Run();
