using System;
using System.Threading;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// Settings for <see cref="PlaidPartnerClient"/>, bindable from configuration (e.g. a <c>"Plaid"</c> section). The
    /// client copies them when it is constructed, so changing an instance afterwards does not affect a client already
    /// built from it.
    /// </summary>
    public sealed class PlaidPartnerOptions
    {
        /// <summary>The Plaid API version sent in the <c>Plaid-Version</c> header unless overridden.</summary>
        public const string DefaultPlaidVersion = "2020-09-14";

        /// <summary>The limit for a whole call, retries included, unless overridden.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>The limit for one attempt unless overridden.</summary>
        public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

        /// <summary>The largest response body read unless overridden: 1 MiB, far above any answer of the partner endpoints.</summary>
        public const int DefaultMaxResponseBodyBytes = 1024 * 1024;

        /// <summary>Your reseller team's Plaid <c>client_id</c>, sent in the <c>PLAID-CLIENT-ID</c> header.</summary>
        public string? ClientId { get; set; }

        /// <summary>
        /// Your reseller team's Plaid <c>secret</c> for <see cref="Environment"/>, sent in the <c>PLAID-SECRET</c> header.
        /// It never appears in <see cref="ToString"/>, exception messages or logs.
        /// </summary>
        public string? Secret { get; set; }

        /// <summary>
        /// The environment to call: <see cref="PlaidEnvironment.Production"/> or <see cref="PlaidEnvironment.Sandbox"/>
        /// (from configuration: <c>"production"</c> or <c>"sandbox"</c>). Defaults to Sandbox.
        /// </summary>
        public PlaidEnvironment Environment { get; set; } = PlaidEnvironment.Sandbox;

        /// <summary>
        /// Optional: send requests to this address (a proxy or the local emulator) instead of Plaid's host, treating it as
        /// <see cref="Environment"/>. Absolute https, or http on loopback only.
        /// </summary>
        public Uri? BaseAddress { get; set; }

        /// <summary>The value of the <c>Plaid-Version</c> header. Defaults to <see cref="DefaultPlaidVersion"/>.</summary>
        public string PlaidVersion { get; set; } = DefaultPlaidVersion;

        /// <summary>
        /// How long one call may take, retries and their waits included, before it fails with
        /// <see cref="TimeoutException"/>; positive, or <see cref="Timeout.InfiniteTimeSpan"/>. Defaults to 60 seconds.
        /// </summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>
        /// How long one attempt may take before it is abandoned (and, for a read call, retried); positive, or
        /// <see cref="Timeout.InfiniteTimeSpan"/>. Defaults to 30 seconds.
        /// </summary>
        public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

        /// <summary>Retries of read calls. Set <see cref="PlaidRetryOptions.MaxRetryAttempts"/> to 0 to switch them off.</summary>
        public PlaidRetryOptions Retry { get; set; } = new();

        /// <summary>
        /// The largest response body, in bytes, the client reads; positive. A longer answer (a proxy gone wrong, JSON that
        /// never ends) fails the call with <see cref="PlaidApiException"/> carrying the HTTP status, without reading the
        /// rest: at once when its <c>Content-Length</c> says so, else as soon as the count passes the limit. Success and
        /// error answers alike. Defaults to <see cref="DefaultMaxResponseBodyBytes"/> (1 MiB).
        /// </summary>
        public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

        /// <summary>Shows every setting with the secret redacted.</summary>
        public override string ToString() =>
            $"PlaidPartnerOptions {{ ClientId = {ClientId ?? "(null)"}, Secret = {(Secret is null ? "(null)" : "[redacted]")}, " +
            $"Environment = {Environment}, BaseAddress = {ShownBaseAddress}, PlaidVersion = {PlaidVersion}, Timeout = {Timeout}, " +
            $"AttemptTimeout = {AttemptTimeout}, Retry = {{ {Retry} }}, MaxResponseBodyBytes = {MaxResponseBodyBytes} }}";

        // User info in an address (user:password@) is refused by validation, and never shown.
        private string ShownBaseAddress =>
            BaseAddress is null ? "(none)" : BaseAddress.IsAbsoluteUri && BaseAddress.UserInfo.Length > 0 ? "[redacted: has user info]" : BaseAddress.ToString();

        /// <summary>The environment requests go to: <see cref="Environment"/>, or a custom one at <see cref="BaseAddress"/>.</summary>
        internal PlaidEnvironment ResolvedEnvironment =>
            BaseAddress is null ? Environment : PlaidEnvironment.Custom(BaseAddress, Environment);

        /// <summary>Checks every setting and returns an independent copy, so later changes to this instance do not leak in.</summary>
        internal PlaidPartnerOptions ValidatedCopy()
        {
            var problems = PlaidPartnerOptionsRules.Problems(this, "PlaidPartnerOptions.");
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), "options");
            }

            return new PlaidPartnerOptions
            {
                ClientId = ClientId!.Trim(),
                Secret = Secret,
                Environment = ResolvedEnvironment,
                PlaidVersion = PlaidVersion.Trim(),
                Timeout = Timeout,
                AttemptTimeout = AttemptTimeout,
                Retry = Retry.Copy(),
                MaxResponseBodyBytes = MaxResponseBodyBytes,
            };
        }
    }
}
