using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>
    /// The emulator's own endpoints, under <see cref="PlaidPartnerEmulator.ControlPathPrefix"/>, which no Plaid path
    /// uses. They need no credentials (the emulator listens on loopback only) and faults never catch them. Refusals
    /// answer 400, 404 or 409 with <c>{"error": "…"}</c>; <see cref="ControlRequestGuard"/> and
    /// <see cref="Hosting.LoopbackHostCheck"/> refuse requests a web page could send before they get here.
    /// </summary>
    /// <remarks><see cref="Map"/> takes the group <see cref="ControlRequestGuard.MapGroup"/> made: its paths are relative to the prefix.</remarks>
    internal static class ControlEndpoints
    {
        private const string Prefix = PlaidPartnerEmulator.ControlPathPrefix;

        public static void Map(RouteGroupBuilder controls, EmulatorRuntime runtime)
        {
            Route(controls, HttpMethods.Get, string.Empty, context => Task.FromResult<object?>(Describe(context, runtime)));
            Route(controls, HttpMethods.Get, "/customers", _ => Task.FromResult<object?>(new CustomersResult { Customers = runtime.Customers.Snapshot().Select(ToCustomer).ToList() }));
            Route(controls, HttpMethods.Post, "/customers/status", async context =>
            {
                var command = await ControlJson.ReadAsync<CustomerStatusCommand>(context.Request).ConfigureAwait(false);
                var status = Require(command.Status, "status").Trim().ToUpperInvariant();
                return ToCustomer(runtime.Customers.SetStatus(Require(command.EndCustomerClientId, "end_customer_client_id"), status));
            });
            Route(controls, HttpMethods.Post, "/oauth_status", async context =>
            {
                var command = await ControlJson.ReadAsync<OAuthStatusCommand>(context.Request).ConfigureAwait(false);
                return new OAuthStatusResult { Webhook = await SetOAuthStatusAsync(runtime, command).ConfigureAwait(false) };
            });
            Route(controls, HttpMethods.Get, "/partner", _ => Task.FromResult<object?>(runtime.Partner));
            Route(controls, HttpMethods.Put, "/partner", async context =>
            {
                runtime.Partner = await ControlJson.ReadAsync<EmulatorPartnerSettings>(context.Request).ConfigureAwait(false);
                return runtime.Partner;
            });
            Route(controls, HttpMethods.Put, "/webhook_url", async context =>
            {
                var command = await ControlJson.ReadAsync<WebhookUrlCommand>(context.Request).ConfigureAwait(false);
                Uri? url = null;
                if (command.Url is not null && !Uri.TryCreate(command.Url, UriKind.Absolute, out url))
                {
                    throw new ControlException(400, $"url '{command.Url}' is not an absolute URL.");
                }

                EmulatorRuntime.CheckWebhookUrl(url, "url");
                runtime.Webhooks.Url = url;
                return command;
            });
            Route(controls, HttpMethods.Get, "/webhooks", _ => Task.FromResult<object?>(new DeliveriesResult { Deliveries = runtime.Webhooks.Deliveries.ToList() }));
            Route(controls, HttpMethods.Post, "/webhook_key/rotate", _ =>
            {
                var (kid, expired) = runtime.Keys.Rotate();
                return Task.FromResult<object?>(new RotateResult { Kid = kid, ExpiredKid = expired });
            });
            Route(controls, HttpMethods.Post, "/faults", async context =>
            {
                var command = await ControlJson.ReadAsync<FaultCommand>(context.Request).ConfigureAwait(false);
                var path = Require(command.Path, "path");
                if (path != FaultInjector.AnyPath && !PlaidOperations.Handlers.ContainsKey(path))
                {
                    throw new ControlException(
                        400,
                        $"path '{path}' is not a Plaid path of the emulator; use one of {string.Join(", ", PlaidOperations.Handlers.Keys)} or '{FaultInjector.AnyPath}' for all.");
                }

                var fault = EmulatorFault.FromParts(
                    command.Kind ?? throw new ControlException(400, "kind is required: status, rate_limit, delay or drop_connection."),
                    command.Status,
                    command.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    command.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                    command.Body,
                    command.Times);
                runtime.Faults.Set(path, fault);
                return command;
            });
            Route(controls, HttpMethods.Delete, "/faults", _ =>
            {
                runtime.Faults.Clear();
                return Task.FromResult<object?>(null);
            });
        }

        /// <summary>Maps one control endpoint; <paramref name="handler"/> returns the JSON body, or null for 204.</summary>
        private static void Route(RouteGroupBuilder controls, string method, string path, Func<HttpContext, Task<object?>> handler)
        {
            RequestDelegate answer = context => Answer(context, handler);
            controls.MapMethods(path, new[] { method }, answer);
        }

        private static async Task<EmulatorWebhookDelivery?> SetOAuthStatusAsync(EmulatorRuntime runtime, OAuthStatusCommand command)
        {
            var id = Require(command.EndCustomerClientId, "end_customer_client_id");
            var institutionId = Require(command.InstitutionId, "institution_id");
            var status = OAuthStatus.Parse(Require(command.Status, "status"));
            OAuthStatusChange? change;
            if (runtime.IsProduction)
            {
                change = runtime.Customers.SetOAuthStatus(id, institutionId, status, command.ErrorMessage);
            }
            else
            {
                // Sandbox keeps no customers, so the webhook is fired for whatever id is named.
                var institution = OAuthInstitutionCatalog.Institutions.FirstOrDefault(i => i.Id == institutionId);
                if (institution.Id is null)
                {
                    throw new ControlException(404, $"No OAuth institution '{institutionId}'; known: {string.Join(", ", OAuthInstitutionCatalog.Institutions.Select(i => i.Id))}.");
                }

                change = new OAuthStatusChange(id, institution.Id, institution.Name, status);
            }

            return change is null ? null : await runtime.Webhooks.SendAsync(change).ConfigureAwait(false);
        }

        private static object Describe(HttpContext context, EmulatorRuntime runtime) => new
        {
            Environment = runtime.WebhookEnvironment,
            Console = $"{context.Request.Scheme}://{context.Request.Host}{ConsolePage.ConsoleEndpoint.Path}",
            ClientId = runtime.ClientId,
            PlaidPaths = PlaidOperations.Handlers.Keys.ToArray(),
            Controls = new[]
            {
                "GET " + ConsolePage.ConsoleEndpoint.Path + " (an HTML page of all of the below)",
                "GET " + Prefix + "/customers",
                "POST " + Prefix + "/customers/status {end_customer_client_id, status}",
                "POST " + Prefix + "/oauth_status {end_customer_client_id, institution_id, status, error_message?}",
                "GET|PUT " + Prefix + "/partner {flowdown_complete, questionnaire_complete, contacts_on_file, monthly_service_commitment, co_branded_consent_in_use}",
                "PUT " + Prefix + "/webhook_url {url}",
                "GET " + Prefix + "/webhooks",
                "POST " + Prefix + "/webhook_key/rotate",
                "POST " + Prefix + "/faults {path, kind, status?, retry_after_seconds?, delay_ms?, body?, times?}",
                "DELETE " + Prefix + "/faults",
            },
        };

        private static EmulatorCustomer ToCustomer(CustomerView view) => new()
        {
            ClientId = view.ClientId,
            CompanyName = view.CompanyName,
            ApplicationName = view.ApplicationName,
            Status = new PartnerEndCustomerStatus(view.Status),
            Removed = view.Removed,
            StatusHistory = view.History,
            OAuthStatuses = view.Institutions.ToDictionary(i => i.InstitutionId, i => i.Status),
            RequirementsDue = view.Onboarding?.RequirementsDue,
            ProductStatuses = view.Onboarding?.ProductStatuses,
        };

        private static string Require(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw new ControlException(400, $"{name} is required.") : value;

        private static async Task Answer(HttpContext context, Func<HttpContext, Task<object?>> handler)
        {
            int status;
            object? body;
            try
            {
                body = await handler(context).ConfigureAwait(false);
                status = body is null ? 204 : 200;
            }
            catch (ControlException e)
            {
                (status, body) = (e.Status, new ControlError { Error = e.Message });
            }
            catch (ArgumentException e)
            {
                (status, body) = (400, new ControlError { Error = e.Message });
            }

            context.Response.StatusCode = status;
            if (body is not null)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(ControlJson.Serialize(body), context.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
