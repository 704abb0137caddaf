using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Plaid.Partner.Emulator.Control;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.State;

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
        private int _disposed;

        private PlaidPartnerEmulator(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
        {
            _app = app;
            _runtime = runtime;
            BaseAddress = baseAddress;
            Environment = PlaidEnvironment.Custom(baseAddress, runtime.IsProduction ? PlaidEnvironment.Production : PlaidEnvironment.Sandbox);
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
        /// <exception cref="EmulatorSeedException">The seed file does not validate; the message names the file, the JSON path and the reason.</exception>
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
        public Task<EmulatorCustomer> SetCustomerStatusAsync(string endCustomerClientId, PartnerEndCustomerStatus status, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(EmulatorControls.ToCustomer(Unwrap(_runtime.Customers.SetStatus(endCustomerClientId, status.ToString().Trim().ToUpperInvariant()))!));
        }

        /// <summary>Every end customer the emulator holds, removed ones included, in creation order.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A copy of each.</returns>
        public Task<IReadOnlyList<EmulatorCustomer>> GetCustomersAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult<IReadOnlyList<EmulatorCustomer>>(_runtime.Customers.Snapshot().Select(EmulatorControls.ToCustomer).ToList());
        }

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
        public async Task<EmulatorWebhookDelivery?> SetOAuthStatusAsync(
            string endCustomerClientId,
            string institutionId,
            PartnerEndCustomerOAuthInstitutionApplicationStatus status,
            string? errorMessage = null,
            CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            var outcome = await EmulatorControls.SetOAuthStatusAsync(_runtime, endCustomerClientId, institutionId, OAuthStatus.Parse(status.ToString()), errorMessage)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            return Unwrap(outcome);
        }

        /// <summary>
        /// The emulator's clock: the configured <see cref="PlaidPartnerEmulatorOptions.TimeProvider"/> plus however far
        /// <see cref="AdvanceClockAsync"/> moved it. Give it to code under test that should see the emulator's time.
        /// </summary>
        public TimeProvider Clock => _runtime.Time;

        /// <summary>
        /// Moves the emulator's clock forward. Webhook retries and OAuth schedule steps due on the way happen at their
        /// own times, in order, and each one's webhook attempt is answered (or, for a receiver that does not answer,
        /// given up to 5 s of real time before its 10 s answer timeout fires) before the clock moves on.
        /// <see cref="TimeSpan.Zero"/> just runs what is due, for a test that advanced its own FakeTimeProvider.
        /// </summary>
        /// <param name="by">How far; zero or more.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The emulator's time afterwards.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
        public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            await _runtime.Time.AdvanceAsync(by, cancellationToken).ConfigureAwait(false);
            return _runtime.Time.GetUtcNow();
        }

        /// <summary>
        /// Sets how an institution's OAuth registration goes after enable: for every end customer enabled from now on,
        /// or, with <paramref name="endCustomerClientId"/>, for that one only (if it is already ACTIVE, the steps count
        /// from now). Each step sends END_CUSTOMER_OAUTH_STATUS_UPDATED when it comes due on the emulator's clock.
        /// </summary>
        /// <param name="institutionId"><c>ins_56</c> (Chase), <c>ins_128026</c> (Capital One) or <c>ins_1</c> (Bank of America).</param>
        /// <param name="schedule">The steps, e.g. <see cref="EmulatorOAuthSchedule.ApprovedAfter"/>.</param>
        /// <param name="endCustomerClientId">One end customer, or null for all enabled from now on.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the schedule is in effect.</returns>
        /// <exception cref="InvalidOperationException">The institution or the end customer is unknown.</exception>
        public Task SetOAuthScheduleAsync(string institutionId, EmulatorOAuthSchedule schedule, string? endCustomerClientId = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            Unwrap(_runtime.OAuthSchedules.Set(institutionId, schedule, endCustomerClientId));
            return Task.CompletedTask;
        }

        /// <summary>
        /// Sends each of the next <paramref name="count"/> webhooks twice: the same signed request again right after the
        /// first, as a duplicate delivery from Plaid arrives (Plaid's webhook guide: expect duplicates).
        /// </summary>
        /// <param name="count">How many webhooks; 0 ends the fault.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the fault is in effect.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        public Task SendNextWebhooksTwiceAsync(int count = 1, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            _runtime.Webhooks.SendTwice(count);
            return Task.CompletedTask;
        }

        /// <summary>
        /// Holds the next webhook back and sends it right after the one that follows it, so the two arrive out of order
        /// (Plaid's webhook guide: expect out-of-order deliveries).
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the fault is in effect.</returns>
        public Task HoldNextWebhookAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            _runtime.Webhooks.HoldNext();
            return Task.CompletedTask;
        }

        /// <summary>Sends a past delivery's body again, signed anew, as a new delivery with its own retries.</summary>
        /// <param name="deliveryId">The <see cref="EmulatorWebhookDelivery.Id"/> of the delivery to send again.</param>
        /// <param name="cancellationToken">Cancels waiting for its first attempt.</param>
        /// <returns>The new delivery after its first attempt.</returns>
        /// <exception cref="InvalidOperationException">No delivery has that id, or no webhook URL is set.</exception>
        public async Task<EmulatorWebhookDelivery> ResendWebhookAsync(string deliveryId, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            var sent = _runtime.Webhooks.Resend(deliveryId)
                ?? throw new InvalidOperationException(_runtime.Webhooks.Url is null ? "No webhook URL is set." : $"The emulator has no webhook delivery '{deliveryId}'.");
            return (await sent.WaitAsync(cancellationToken).ConfigureAwait(false))!;
        }

        /// <summary>
        /// Returns to the state the emulator started in: the seed file's end customers and partner settings (or none and
        /// the options' settings), with no faults, OAuth schedules, webhook deliveries or pending retries. The clock, the
        /// signing keys and the webhook URL stay as they are.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once reset.</returns>
        public Task ResetAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            _runtime.Reset();
            return Task.CompletedTask;
        }

        /// <summary>Sets where webhooks go (http or https on a loopback host), or stops sending them with null.</summary>
        /// <param name="url">The receiver's URL, or null.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once the URL is in effect.</returns>
        /// <exception cref="InvalidOperationException">The URL is not http(s) on a loopback host.</exception>
        public Task SetWebhookUrlAsync(Uri? url, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            Unwrap(EmulatorControls.SetWebhookUrl(_runtime, url));
            return Task.CompletedTask;
        }

        /// <summary>Every webhook the emulator has sent or tried to send, oldest first.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The deliveries.</returns>
        public Task<IReadOnlyList<EmulatorWebhookDelivery>> GetWebhookDeliveriesAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_runtime.Webhooks.Deliveries);
        }

        /// <summary>
        /// Rotates the webhook signing key: the current key gets <c>expired_at</c> = now (and is still served by
        /// <c>/webhook_verification_key/get</c>), and a new key signs from now on.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The new key's <c>kid</c>.</returns>
        public Task<string> RotateWebhookKeyAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_runtime.Keys.Rotate().NewKeyId);
        }

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
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            Unwrap(EmulatorControls.InjectFault(_runtime, path, fault));
            return Task.CompletedTask;
        }

        /// <summary>Removes every injected fault.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once no fault is in effect.</returns>
        public Task ClearFaultsAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            _runtime.Faults.Clear();
            return Task.CompletedTask;
        }

        /// <summary>Replaces the reseller team's settings, which decide the partner errors of create and enable.</summary>
        /// <param name="settings">The new settings (copied).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes once they are in effect.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
        public Task SetPartnerSettingsAsync(EmulatorPartnerSettings settings, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(settings);
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            _runtime.Partner = settings;
            return Task.CompletedTask;
        }

        /// <summary>Stops listening, ends injected delays, and waits for queued webhooks to be sent or given up.</summary>
        /// <returns>A task that completes once stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

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

        private static T? Unwrap<T>(ControlOutcome<T> outcome) => outcome.Refusal is { } refusal
            ? throw new InvalidOperationException(
                $"The emulator refused it ({(refusal.Kind switch { RefusalKind.NotFound => 404, RefusalKind.Conflict => 409, _ => 400 }).ToString(CultureInfo.InvariantCulture)}): {refusal.Message}")
            : outcome.Value;

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
    }
}
