using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
            Route(controls, HttpMethods.Get, "/customers", _ => Task.FromResult<object?>(Customers(runtime)));
            Route(controls, HttpMethods.Post, "/customers/status", async context =>
            {
                var command = await ControlJson.ReadAsync<CustomerStatusCommand>(context.Request).ConfigureAwait(false);
                var status = Require(command.Status, "status").Trim().ToUpperInvariant();
                return EmulatorControls.ToCustomer(Unwrap(runtime.Customers.SetStatus(Require(command.EndCustomerClientId, "end_customer_client_id"), status))!);
            });
            Route(controls, HttpMethods.Post, "/oauth_status", async context =>
            {
                var command = await ControlJson.ReadAsync<OAuthStatusCommand>(context.Request).ConfigureAwait(false);
                var outcome = await EmulatorControls.SetOAuthStatusAsync(
                    runtime,
                    Require(command.EndCustomerClientId, "end_customer_client_id"),
                    Require(command.InstitutionId, "institution_id"),
                    OAuthStatus.Parse(Require(command.Status, "status")),
                    command.ErrorMessage).ConfigureAwait(false);
                return new OAuthStatusResult { Webhook = Unwrap(outcome) };
            });
            Route(controls, HttpMethods.Get, "/oauth_schedule", _ => Task.FromResult<object?>(EmulatorControls.DescribeSchedules(runtime)));
            Route(controls, HttpMethods.Post, "/oauth_schedule", async context =>
            {
                var command = await ControlJson.ReadAsync<OAuthScheduleCommand>(context.Request).ConfigureAwait(false);
                var schedule = EmulatorControls.ToSchedule(command.Steps);
                Unwrap(runtime.OAuthSchedules.Set(Require(command.InstitutionId, "institution_id"), schedule, command.EndCustomerClientId));
                return EmulatorControls.DescribeSchedules(runtime);
            });
            Route(controls, HttpMethods.Get, "/clock", _ => Task.FromResult<object?>(EmulatorControls.DescribeClock(runtime)));
            Route(controls, HttpMethods.Post, "/clock/advance", async context =>
            {
                var command = await ControlJson.ReadAsync<ClockAdvanceCommand>(context.Request).ConfigureAwait(false);
                var hours = (command.Hours ?? 0) + ((command.Minutes ?? 0) / 60) + ((command.Seconds ?? 0) / 3600);
                if (!(hours >= 0) || hours > 24 * 366 * 10)
                {
                    throw new ControlException(400, "hours, minutes and seconds must add up to zero or more (and at most ten years): the clock only moves forward.");
                }

                await runtime.Time.AdvanceAsync(TimeSpan.FromHours(hours), context.RequestAborted).ConfigureAwait(false);
                return EmulatorControls.DescribeClock(runtime);
            });
            Route(controls, HttpMethods.Post, "/reset", _ =>
            {
                runtime.Reset();
                return Task.FromResult<object?>(Customers(runtime));
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

                Unwrap(EmulatorControls.SetWebhookUrl(runtime, url));
                return command;
            });
            Route(controls, HttpMethods.Get, "/webhooks", _ => Task.FromResult<object?>(new DeliveriesResult { Deliveries = runtime.Webhooks.Deliveries.ToList() }));
            Route(controls, HttpMethods.Get, "/webhooks/faults", _ => Task.FromResult<object?>(DescribeWebhookFaults(runtime)));
            Route(controls, HttpMethods.Post, "/webhooks/send_twice", async context =>
            {
                var command = await ControlJson.ReadAsync<SendTwiceCommand>(context.Request).ConfigureAwait(false);
                var count = command.Count ?? 1;
                if (count < 0)
                {
                    throw new ControlException(400, $"count must be zero or more; it was {count}.");
                }

                runtime.Webhooks.SendTwice(count);
                return DescribeWebhookFaults(runtime);
            });
            Route(controls, HttpMethods.Post, "/webhooks/hold_next", _ =>
            {
                runtime.Webhooks.HoldNext();
                return Task.FromResult<object?>(DescribeWebhookFaults(runtime));
            });
            Route(controls, HttpMethods.Post, "/webhooks/resend", async context =>
            {
                var command = await ControlJson.ReadAsync<ResendCommand>(context.Request).ConfigureAwait(false);
                var id = Require(command.DeliveryId, "delivery_id");
                var sent = runtime.Webhooks.Resend(id)
                    ?? throw new ControlException(runtime.Webhooks.Url is null ? 409 : 404, runtime.Webhooks.Url is null ? "No webhook URL is set." : $"No delivery '{id}'.");
                return new OAuthStatusResult { Webhook = await sent.ConfigureAwait(false) };
            });
            Route(controls, HttpMethods.Post, "/webhook_key/rotate", _ =>
            {
                var (kid, expired) = runtime.Keys.Rotate();
                return Task.FromResult<object?>(new RotateResult { Kid = kid, ExpiredKid = expired });
            });
            Route(controls, HttpMethods.Post, "/faults", async context =>
            {
                var command = await ControlJson.ReadAsync<FaultCommand>(context.Request).ConfigureAwait(false);
                var path = Require(command.Path, "path");
                var fault = EmulatorFault.FromParts(
                    command.Kind ?? throw new ControlException(400, "kind is required: status, rate_limit, delay or drop_connection."),
                    command.Status,
                    command.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    command.DelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                    command.Body,
                    command.Times);
                Unwrap(EmulatorControls.InjectFault(runtime, path, fault));
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

        private static T? Unwrap<T>(ControlOutcome<T> outcome) => outcome.Refusal is { } refusal
            ? throw new ControlException(refusal.Kind switch { RefusalKind.NotFound => 404, RefusalKind.Conflict => 409, _ => 400 }, refusal.Message)
            : outcome.Value;

        private static CustomersResult Customers(EmulatorRuntime runtime) => new() { Customers = runtime.Customers.Snapshot().Select(EmulatorControls.ToCustomer).ToList() };

        private static WebhookFaultsResult DescribeWebhookFaults(EmulatorRuntime runtime)
        {
            var (twice, hold, held) = runtime.Webhooks.Faults;
            return new WebhookFaultsResult { SendTwiceRemaining = twice, HoldNext = hold, HeldDeliveryId = held };
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
                "GET " + Prefix + "/webhooks (every delivery with its attempts and next retry)",
                "GET " + Prefix + "/webhooks/faults",
                "POST " + Prefix + "/webhooks/send_twice {count}",
                "POST " + Prefix + "/webhooks/hold_next",
                "POST " + Prefix + "/webhooks/resend {delivery_id}",
                "GET " + Prefix + "/clock",
                "POST " + Prefix + "/clock/advance {hours?, minutes?, seconds?}",
                "GET|POST " + Prefix + "/oauth_schedule {institution_id, end_customer_client_id?, steps: [{after_hours, status, error_message?}]}",
                "POST " + Prefix + "/reset",
                "POST " + Prefix + "/webhook_key/rotate",
                "POST " + Prefix + "/faults {path, kind, status?, retry_after_seconds?, delay_ms?, body?, times?}",
                "DELETE " + Prefix + "/faults",
            },
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
