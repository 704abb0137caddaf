using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Emulator.Clock;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.Schedules;
using Plaid.Partner.Emulator.Seeding;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Hosting
{
    /// <summary>Everything one running emulator holds: its credentials, customers, faults, keys and webhook sender.</summary>
    internal sealed class EmulatorRuntime : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private EmulatorPartnerSettings _partner;

        private readonly EmulatorPartnerSettings _startPartner;

        private EmulatorRuntime(PlaidPartnerEmulatorOptions options, string clientId, string secret, EmulatorSeed seed)
        {
            IsProduction = options.Environment.IsProduction;
            ClientId = clientId;
            Secret = secret;
            Port = options.Port;
            Time = new EmulatorClock(options.TimeProvider);
            Seed = seed;
            _startPartner = options.Partner.Copy();
            _partner = (seed.Partner ?? _startPartner).Copy();
            Customers = new CustomerStore(options.NewCustomerStatus.ToString(), Time);
            Customers.Load(seed.BuildRecords(Time.GetUtcNow()));
            Keys = new WebhookKeyRing(Time);
            Webhooks = new WebhookDispatcher(Keys, Time, WebhookEnvironment, options.WebhookUrl);
            Time.Settle = Webhooks.SettleAsync;
            OAuthSchedules = new OAuthSchedules(Customers, Webhooks, Time);
            Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Plaid.Partner.Emulator");
        }

        public bool IsProduction { get; }

        /// <summary>The webhook <c>environment</c> value (Plaid API docs, Partner › END_CUSTOMER_OAUTH_STATUS_UPDATED: <c>production</c> or <c>sandbox</c>).</summary>
        public string WebhookEnvironment => IsProduction ? "production" : "sandbox";

        public string ClientId { get; }

        public string Secret { get; }

        public int Port { get; }

        /// <summary>The emulator's clock: the configured TimeProvider plus what the clock control advanced it by.</summary>
        public EmulatorClock Time { get; }

        /// <summary>The state a reset returns to (<see cref="EmulatorSeed.Empty"/> without a seed file).</summary>
        public EmulatorSeed Seed { get; }

        public OAuthSchedules OAuthSchedules { get; }

        public CustomerStore Customers { get; }

        public FaultInjector Faults { get; } = new();

        public WebhookKeyRing Keys { get; }

        public WebhookDispatcher Webhooks { get; }

        public ILogger Logger { get; }

        /// <summary>
        /// A random token for this run, embedded in the console page; a state-changing control request that comes
        /// from a browser must carry it (see <see cref="Control.ControlRequestGuard"/>).
        /// </summary>
        public string ConsoleToken { get; } = RandomIds.ConsoleToken();

        /// <summary>Cancelled when the emulator stops, so injected delays end at once.</summary>
        public CancellationToken Stopping => _stopping.Token;

        /// <summary>A copy of the reseller team's settings; replaced whole, never changed in place.</summary>
        public EmulatorPartnerSettings Partner
        {
            get => Volatile.Read(ref _partner).Copy();
            set => Volatile.Write(ref _partner, value.Copy());
        }

        /// <summary>Checks and copies <paramref name="options"/>; the message of any ArgumentException names the setting.</summary>
        public static EmulatorRuntime Create(PlaidPartnerEmulatorOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (options.Environment is null)
            {
                throw new ArgumentException("PlaidPartnerEmulatorOptions.Environment is required: PlaidEnvironment.Production or PlaidEnvironment.Sandbox.", nameof(options));
            }

            if (options.Port is < 0 or > 65535)
            {
                throw new ArgumentException($"PlaidPartnerEmulatorOptions.Port must be 0 (a free port) or 1-65535; it was {options.Port}.", nameof(options));
            }

            if (options.ClientId is not null && string.IsNullOrWhiteSpace(options.ClientId))
            {
                throw new ArgumentException("PlaidPartnerEmulatorOptions.ClientId must not be empty; leave it null for a random one.", nameof(options));
            }

            if (options.Secret is not null && string.IsNullOrWhiteSpace(options.Secret))
            {
                throw new ArgumentException("PlaidPartnerEmulatorOptions.Secret must not be empty; leave it null for a random one.", nameof(options));
            }

            var status = options.NewCustomerStatus.ToString();
            if (!CustomerStatus.AfterReview.Contains(status))
            {
                throw new ArgumentException($"PlaidPartnerEmulatorOptions.NewCustomerStatus must be {string.Join(", ", CustomerStatus.AfterReview)}; it was '{status}'.", nameof(options));
            }

            if (options.Partner is null)
            {
                throw new ArgumentException("PlaidPartnerEmulatorOptions.Partner must not be null.", nameof(options));
            }

            if (options.TimeProvider is null)
            {
                throw new ArgumentException("PlaidPartnerEmulatorOptions.TimeProvider must not be null.", nameof(options));
            }

            CheckWebhookUrl(options.WebhookUrl, "PlaidPartnerEmulatorOptions.WebhookUrl");
            var seed = options.SeedFile is null ? EmulatorSeed.Empty : SeedFile.Load(options.SeedFile);
            if (!options.Environment.IsProduction && seed.Customers.Count > 0)
            {
                throw new EmulatorSeedException(
                    options.SeedFile!,
                    "$.end_customers",
                    "a Sandbox emulator keeps no end customers (in Sandbox, Plaid's create stores none); seed a Production emulator, or give only partner settings");
            }

            return new EmulatorRuntime(options, options.ClientId?.Trim() ?? RandomIds.ClientId(), options.Secret ?? RandomIds.Secret(), seed);
        }

        /// <summary>Webhooks go to this machine only: an absolute http(s) URL on a loopback host.</summary>
        public static void CheckWebhookUrl(Uri? url, string what)
        {
            if (url is null)
            {
                return;
            }

            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"{what} '{url}' must be an absolute http or https URL.");
            }

            if (!url.IsLoopback && !(IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip)))
            {
                throw new ArgumentException($"{what} '{url}' is not on a loopback host; the emulator sends webhooks only to 127.0.0.1, [::1] or localhost.");
            }
        }

        /// <summary>
        /// Plaid started OAuth registration for an enabled customer: the PROCESSING webhooks go out after the enable's
        /// answer, in order, and the institutions' schedules start.
        /// </summary>
        public void RegistrationsStarted(string customerId, IReadOnlyList<OAuthStatusChange> changes)
        {
            foreach (var change in changes)
            {
                _ = Webhooks.SendAsync(change);
            }

            OAuthSchedules.Started(customerId, changes.Select(c => c.InstitutionId));
        }

        /// <summary>
        /// Back to the seed (or to no customers): its customers and partner settings, no faults, schedules, deliveries
        /// or pending retries. The clock, the signing keys and the webhook URL stay as they are.
        /// </summary>
        public void Reset()
        {
            OAuthSchedules.Reset();
            Webhooks.Reset();
            Faults.Clear();
            Partner = Seed.Partner ?? _startPartner;
            Customers.Load(Seed.BuildRecords(Time.GetUtcNow()));
        }

        /// <summary>Cancels <see cref="Stopping"/>: injected delays end at once.</summary>
        public Task BeginStopAsync() => _stopping.CancelAsync();

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await Webhooks.DisposeAsync().ConfigureAwait(false);
            OAuthSchedules.Reset();
            Time.Dispose();
            Keys.Dispose();
            _stopping.Dispose();
        }
    }
}
