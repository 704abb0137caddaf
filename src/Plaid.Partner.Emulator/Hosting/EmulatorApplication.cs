using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Plaid.Partner.Emulator.ConsolePage;
using Plaid.Partner.Emulator.Control;
using Plaid.Partner.Emulator.Errors;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Validation;

namespace Plaid.Partner.Emulator.Hosting
{
    /// <summary>
    /// Builds and starts the emulator's Kestrel server on 127.0.0.1. The builder is the empty one: no appsettings,
    /// environment variables or URLs of the host process can change what the emulator listens on.
    /// </summary>
    internal static class EmulatorApplication
    {
        public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(EmulatorRuntime runtime, CancellationToken cancellationToken)
        {
            var contract = await BundledContract.GetAsync().ConfigureAwait(false);
            var unserved = contract.RequestSchemas.Keys.Except(PlaidOperations.Handlers.Keys).ToList();
            if (unserved.Count > 0)
            {
                throw new InvalidOperationException($"The bundled contract has operations the emulator does not serve: {string.Join(", ", unserved)}. Add them to PlaidOperations.");
            }

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, runtime.Port);
            });
            builder.Services.AddRoutingCore();

            var app = builder.Build();
            app.Use(LoopbackHostCheck.InvokeAsync);
            foreach (var (path, operation) in PlaidOperations.Handlers)
            {
                var schema = contract.RequestSchemas[path];
                app.MapPost(path, context => PlaidRequestPipeline.HandleAsync(context, runtime, path, schema, operation));
            }

            // Every control endpoint is mapped in the one guarded group, so no path spelling reaches one unguarded.
            var controls = ControlRequestGuard.MapGroup(app, runtime);
            ControlEndpoints.Map(controls, runtime);
            ConsoleEndpoint.Map(controls, runtime);

            // Routing ignores letter case, so this does too: /__EMULATOR/nothing is an unknown control, not a Plaid path.
            app.MapFallback(context => context.Request.Path.StartsWithSegments(PlaidPartnerEmulator.ControlPathPrefix, StringComparison.OrdinalIgnoreCase)
                ? WriteUnknownControlAsync(context)
                : PlaidRequestPipeline.WriteErrorAsync(context, runtime, PlaidErrors.NotFound, RandomIds.RequestId()));

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return (app, new Uri(address.TrimEnd('/') + "/"));
        }

        private static Task WriteUnknownControlAsync(HttpContext context) =>
            ControlResponses.WriteErrorAsync(context, 404, $"No control endpoint {context.Request.Method} {context.Request.Path}; GET {PlaidPartnerEmulator.ControlPathPrefix} lists them.");
    }
}
