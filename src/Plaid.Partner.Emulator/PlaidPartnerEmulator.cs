using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Plaid.Partner.Emulator.Control;
using Plaid.Partner.Emulator.Hosting;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// A local Plaid Partner API on 127.0.0.1: every operation of the bundled contract over real HTTP, as Production
    /// or Sandbox, with signed webhooks and injectable faults. Start one with <see cref="StartAsync"/>, point a
    /// <see cref="PlaidPartnerClient"/> at it with <see cref="CreateClientOptions"/>, drive it with the control
    /// methods, and dispose it to stop it.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var emulator = await PlaidPartnerEmulator.StartAsync();
    /// var client = new PlaidPartnerClient(emulator.CreateClientOptions());
    /// var created = await client.CreateEndCustomerAsync(request);
    /// await emulator.SetCustomerStatusAsync(created.EndCustomer!.ClientId!, PartnerEndCustomerStatus.PendingEnablement);
    /// await client.EnableEndCustomerAsync(created.EndCustomer.ClientId!);
    /// </code>
    /// </example>
    public sealed class PlaidPartnerEmulator : IAsyncDisposable
    {
        /// <summary>The path prefix of the control endpoints; no Plaid path starts with it.</summary>
        public const string ControlPathPrefix = "/__emulator";

        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

        private readonly WebApplication _app;
        private readonly EmulatorRuntime _runtime;
        private readonly HttpClient _control;
        private int _disposed;

        private PlaidPartnerEmulator(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
        {
            _app = app;
            _runtime = runtime;
            BaseAddress = baseAddress;
            Environment = PlaidEnvironment.Custom(baseAddress, runtime.IsProduction ? PlaidEnvironment.Production : PlaidEnvironment.Sandbox);
            _control = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }

        /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
        public Uri BaseAddress { get; }

        /// <summary>
        /// The console page, e.g. <c>http://127.0.0.1:41234/__emulator/console</c>: customers, OAuth statuses, webhook
        /// deliveries, faults and partner settings at a glance, with buttons for the common controls.
        /// </summary>
        public Uri ConsoleAddress => new(BaseAddress, ConsolePage.ConsoleEndpoint.Path.TrimStart('/'));

        /// <summary>A custom environment at <see cref="BaseAddress"/> that stands for Production or Sandbox, as configured.</summary>
        public PlaidEnvironment Environment { get; }

        /// <summary>The <c>PLAID-CLIENT-ID</c> the emulator accepts.</summary>
        public string ClientId => _runtime.ClientId;

        /// <summary>The <c>PLAID-SECRET</c> the emulator accepts (an emulator credential, not a Plaid one; kept out of <see cref="ToString"/>).</summary>
        public string Secret => _runtime.Secret;

        /// <summary>The <c>kid</c> of the key that signs webhooks now (it changes on <see cref="RotateWebhookKeyAsync"/>).</summary>
        public string WebhookKeyId => _runtime.Keys.CurrentKeyId;

        /// <summary>Every route the emulator maps, so tests can check that each control route is guarded.</summary>
        internal IReadOnlyList<RouteEndpoint> RouteEndpoints =>
            ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();

        /// <summary>Starts an emulator; it listens on 127.0.0.1 until disposed.</summary>
        /// <param name="options">Settings, or null for a Production emulator on a free port with random credentials.</param>
        /// <param name="cancellationToken">Cancels starting.</param>
        /// <returns>The running emulator.</returns>
        /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
        /// <exception cref="System.IO.IOException">The configured port is taken.</exception>
        public static async Task<PlaidPartnerEmulator> StartAsync(PlaidPartnerEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            var runtime = EmulatorRuntime.Create(options ?? new PlaidPartnerEmulatorOptions());
            try
            {
                var (app, baseAddress) = await EmulatorApplication.StartAsync(runtime, cancellationToken).ConfigureAwait(false);
                return new PlaidPartnerEmulator(app, runtime, baseAddress);
            }
            catch
            {
                await runtime.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>New client options for this emulator: its <see cref="Environment"/>, <see cref="ClientId"/> and <see cref="Secret"/>.</summary>
        /// <returns>A fresh instance each call, free to change.</returns>
        public PlaidPartnerOptions CreateClientOptions() => new()
        {
            ClientId = ClientId,
            Secret = Secret,
            Environment = Environment,
        };

        /// <summary>A <see cref="PlaidPartnerClient"/> built from <see cref="CreateClientOptions"/>.</summary>
        /// <returns>A new client.</returns>
        public PlaidPartnerClient CreateClient() => new(CreateClientOptions());

        /// <summary>
        /// Finishes Plaid's review of an end customer: UNDER_REVIEW becomes <see cref="PartnerEndCustomerStatus.PendingEnablement"/>
        /// or <see cref="PartnerEndCustomerStatus.Denied"/>. Other moves are refused (ACTIVE comes only from enable).
        /// </summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="status">PENDING_ENABLEMENT or DENIED (its current status is accepted as a no-op).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The customer after the move.</returns>
        /// <exception cref="InvalidOperationException">The customer is unknown or the move is not allowed; the message says which.</exception>
        public async Task<EmulatorCustomer> SetCustomerStatusAsync(string endCustomerClientId, PartnerEndCustomerStatus status, CancellationToken cancellationToken = default) =>
            (await SendAsync<EmulatorCustomer>(
                HttpMethod.Post,
                "/customers/status",
                new CustomerStatusCommand { EndCustomerClientId = endCustomerClientId, Status = status.ToString() },
                cancellationToken).ConfigureAwait(false))!;

        /// <summary>Every end customer the emulator holds, removed ones included, in creation order.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A copy of each.</returns>
        public async Task<IReadOnlyList<EmulatorCustomer>> GetCustomersAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync<CustomersResult>(HttpMethod.Get, "/customers", null, cancellationToken).ConfigureAwait(false))!.Customers;

        /// <summary>
        /// Changes an institution's OAuth registration status for an end customer, which POSTs a signed
        /// END_CUSTOMER_OAUTH_STATUS_UPDATED webhook to the webhook URL and waits for the receiver's answer. In Sandbox
        /// (no customers are kept) the webhook is sent for whatever id is named.
        /// </summary>
        /// <param name="endCustomerClientId">The end customer's <c>client_id</c>.</param>
        /// <param name="institutionId">An institution of the customer, e.g. <c>ins_56</c> (Chase), <c>ins_128026</c> (Capital One), <c>ins_1</c> (Bank of America).</param>
        /// <param name="status">The new status.</param>
        /// <param name="errorMessage">For ATTENTION_REQUIRED: the registration error's message, or null for the one in Plaid's example.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The webhook sent, or null when no webhook URL is set or the status did not change.</returns>
        /// <exception cref="InvalidOperationException">The customer or institution is unknown; the message says which.</exception>
        public Task<EmulatorWebhookDelivery?> SetOAuthStatusAsync(
            string endCustomerClientId,
            string institutionId,
            PartnerEndCustomerOAuthInstitutionApplicationStatus status,
            string? errorMessage = null,
            CancellationToken cancellationToken = default) =>
            SetOAuthStatusCoreAsync(
                new OAuthStatusCommand
                {
                    EndCustomerClientId = endCustomerClientId,
                    InstitutionId = institutionId,
                    Status = status.ToString(),
                    ErrorMessage = errorMessage,
                },
                cancellationToken);

        /// <summary>Sets where webhooks go (http or https on a loopback host), or stops sending them with null.</summary>
        /// <param name="url">The receiver's URL, or null.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the URL is in effect.</returns>
        /// <exception cref="InvalidOperationException">The URL is not http(s) on a loopback host.</exception>
        public Task SetWebhookUrlAsync(Uri? url, CancellationToken cancellationToken = default) =>
            SendAsync<WebhookUrlCommand>(HttpMethod.Put, "/webhook_url", new WebhookUrlCommand { Url = url?.AbsoluteUri }, cancellationToken);

        /// <summary>Every webhook the emulator has sent or tried to send, oldest first.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The deliveries.</returns>
        public async Task<IReadOnlyList<EmulatorWebhookDelivery>> GetWebhookDeliveriesAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync<DeliveriesResult>(HttpMethod.Get, "/webhooks", null, cancellationToken).ConfigureAwait(false))!.Deliveries;

        /// <summary>
        /// Rotates the webhook signing key: the current key gets <c>expired_at</c> = now (and is still served by
        /// <c>/webhook_verification_key/get</c>), and a new key signs from now on.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The new key's <c>kid</c>.</returns>
        public async Task<string> RotateWebhookKeyAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync<RotateResult>(HttpMethod.Post, "/webhook_key/rotate", null, cancellationToken).ConfigureAwait(false))!.Kid;

        /// <summary>
        /// Makes requests to <paramref name="path"/> fail as <paramref name="fault"/> says, before their credentials
        /// or body are checked, replacing any fault already on that path.
        /// </summary>
        /// <param name="path">A Plaid path such as <c>/partner/customer/get</c>, or <c>*</c> for every Plaid path.</param>
        /// <param name="fault">The fault; limit it with <see cref="EmulatorFault.Times"/>.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the fault is in effect.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The path is not one the emulator serves.</exception>
        public Task InjectFaultAsync(string path, EmulatorFault fault, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(fault);
            return SendAsync<FaultCommand>(HttpMethod.Post, "/faults", new FaultCommand
            {
                Path = path,
                Kind = fault.Kind,
                Status = fault.Kind == EmulatorFaultKind.Status ? fault.StatusCode : null,
                RetryAfterSeconds = fault.RetryAfter is { } retryAfter ? EmulatorFault.RetryAfterSeconds(retryAfter) : null,
                DelayMs = fault.DelayDuration?.TotalMilliseconds,
                Body = fault.Body,
                Times = fault.Count,
            }, cancellationToken);
        }

        /// <summary>Removes every injected fault.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once no fault is in effect.</returns>
        public Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
            SendAsync<object>(HttpMethod.Delete, "/faults", null, cancellationToken);

        /// <summary>Replaces the reseller team's settings, which decide the partner errors of create and enable.</summary>
        /// <param name="settings">The new settings (copied).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once they are in effect.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
        public Task SetPartnerSettingsAsync(EmulatorPartnerSettings settings, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(settings);
            return SendAsync<EmulatorPartnerSettings>(HttpMethod.Put, "/partner", settings, cancellationToken);
        }

        /// <summary>Stops listening, ends injected delays, and waits for queued webhooks to be sent or given up.</summary>
        /// <returns>A task that completes once stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _control.Dispose();
            // End injected delays first, so stopping Kestrel does not wait for them; requests still in flight may use
            // the keys and customers until Kestrel has stopped, so those go last.
            await _runtime.BeginStopAsync().ConfigureAwait(false);
            using (var timeout = new CancellationTokenSource(StopTimeout))
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }

            await _runtime.DisposeAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>The address and the environment it stands for (no credentials).</summary>
        public override string ToString() => $"PlaidPartnerEmulator {{ BaseAddress = {BaseAddress}, Environment = {(_runtime.IsProduction ? "production" : "sandbox")}, ClientId = {ClientId} }}";

        private async Task<EmulatorWebhookDelivery?> SetOAuthStatusCoreAsync(OAuthStatusCommand command, CancellationToken cancellationToken) =>
            (await SendAsync<OAuthStatusResult>(HttpMethod.Post, "/oauth_status", command, cancellationToken).ConfigureAwait(false))!.Webhook;

        private static string? ReadControlError(string text)
        {
            if (text.Length == 0)
            {
                return null;
            }

            try
            {
                return ControlJson.Deserialize<ControlError>(text).Error;
            }
            catch (Control.ControlException)
            {
                return text;
            }
        }

        private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
            where T : class
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            using var request = new HttpRequestMessage(method, ControlPathPrefix.TrimStart('/') + path);
            if (body is not null)
            {
                request.Content = new StringContent(ControlJson.Serialize(body), Encoding.UTF8, "application/json");
            }
            else if (method != HttpMethod.Get)
            {
                // Every state-changing control request is application/json, even with no body (ControlRequestGuard).
                request.Content = new StringContent(string.Empty, Encoding.UTF8, "application/json");
            }

            using var response = await _control.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var message = ReadControlError(text) ?? response.ReasonPhrase;
                throw new InvalidOperationException(
                    $"Emulator control {method} {ControlPathPrefix}{path} was refused ({((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}): {message}");
            }

            return text.Length == 0 ? null : ControlJson.Deserialize<T>(text);
        }
    }
}
