using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Partner;
using Plaid.Partner.Samples.WebhookReceiver;
using Plaid.Partner.Webhooks;

// Configure with PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV (production or sandbox: the environment the webhooks
// come from, since webhook key ids are per environment). Plaid posts to https://<your host>/plaid/webhooks.
var builder = WebApplication.CreateBuilder(args);

var client = new PlaidPartnerClient(new PlaidPartnerOptions
{
    ClientId = builder.Configuration["PLAID_CLIENT_ID"],
    Secret = builder.Configuration["PLAID_SECRET"],
    Environment = PlaidEnvironment.Parse(builder.Configuration["PLAID_ENV"] ?? "sandbox"),
});

// One verifier for the whole application: it caches Plaid's keys.
builder.Services.AddSingleton(new PlaidWebhookVerifier(client));

var app = builder.Build();
app.MapPlaidWebhooks("/plaid/webhooks");
app.Run();
