using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.State;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Hosting
{
    /// <summary>Everything one running emulator holds: its credentials, customers, faults, keys and webhook sender.</summary>
    internal sealed class EmulatorRuntime : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private EmulatorPartnerSettings _partner;

        private EmulatorRuntime(PlaidPartnerEmulatorOptions options, string clientId, string secret)
        {
            IsProduction = options.Environment.IsProduction;
            ClientId = clientId;
            Secret = secret;
            Port = options.Port;
            Time = options.TimeProvider;
            _partner = options.Partner.Copy();
            Customers = new CustomerStore(options.NewCustomerStatus.ToString(), Time);
            Keys = new WebhookKeyRing(Time);
            Webhooks = new WebhookDispatcher(Keys, Time, WebhookEnvironment, options.WebhookUrl);
            Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Plaid.Partner.Emulator");
        }

        public bool IsProduction { get; }

        /// <summary>The webhook <c>environment</c> value (Plaid API docs, Partner › END_CUSTOMER_OAUTH_STATUS_UPDATED: <c>production</c> or <c>sandbox</c>).</summary>
        public string WebhookEnvironment => IsProduction ? "production" : "sandbox";

        public string ClientId { get; }

        public string Secret { get; }

        public int Port { get; }

        public TimeProvider Time { get; }

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
            return new EmulatorRuntime(options, options.ClientId?.Trim() ?? RandomIds.ClientId(), options.Secret ?? RandomIds.Secret());
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

        /// <summary>Cancels <see cref="Stopping"/>: injected delays end at once.</summary>
        public Task BeginStopAsync() => _stopping.CancelAsync();

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await Webhooks.DisposeAsync().ConfigureAwait(false);
            Keys.Dispose();
            _stopping.Dispose();
        }
    }
}
