using System;
using System.Threading;

namespace Plaid.Partner
{
    /// <summary>
    /// Settings for <see cref="PlaidPartnerClient"/>. The client copies them when it is constructed, so changing an
    /// instance afterwards does not affect a client already built from it.
    /// </summary>
    public sealed class PlaidPartnerOptions
    {
        /// <summary>The Plaid API version sent in the <c>Plaid-Version</c> header unless overridden.</summary>
        public const string DefaultPlaidVersion = "2020-09-14";

        /// <summary>The per-call timeout used unless overridden.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Your reseller team's Plaid <c>client_id</c>, sent in the <c>PLAID-CLIENT-ID</c> header.</summary>
        public string? ClientId { get; set; }

        /// <summary>
        /// Your reseller team's Plaid <c>secret</c> for <see cref="Environment"/>, sent in the <c>PLAID-SECRET</c> header.
        /// It never appears in <see cref="ToString"/>, exception messages or logs.
        /// </summary>
        public string? Secret { get; set; }

        /// <summary>The environment to call. Defaults to <see cref="PlaidEnvironment.Sandbox"/>.</summary>
        public PlaidEnvironment Environment { get; set; } = PlaidEnvironment.Sandbox;

        /// <summary>The value of the <c>Plaid-Version</c> header. Defaults to <see cref="DefaultPlaidVersion"/>.</summary>
        public string PlaidVersion { get; set; } = DefaultPlaidVersion;

        /// <summary>
        /// How long one call may take before it fails with <see cref="TimeoutException"/>; positive, or
        /// <see cref="Timeout.InfiniteTimeSpan"/>. Defaults to <see cref="DefaultTimeout"/>.
        /// </summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>Shows every setting with the secret redacted.</summary>
        public override string ToString() =>
            $"PlaidPartnerOptions {{ ClientId = {ClientId ?? "(null)"}, Secret = {(Secret is null ? "(null)" : "[redacted]")}, Environment = {Environment}, PlaidVersion = {PlaidVersion}, Timeout = {Timeout} }}";

        /// <summary>Checks every setting and returns an independent copy, so later changes to this instance do not leak in.</summary>
        internal PlaidPartnerOptions ValidatedCopy()
        {
            if (string.IsNullOrWhiteSpace(ClientId))
            {
                throw new ArgumentException("PlaidPartnerOptions.ClientId is required: set it to your reseller team's Plaid client_id.", "options");
            }

            if (string.IsNullOrWhiteSpace(Secret))
            {
                throw new ArgumentException("PlaidPartnerOptions.Secret is required: set it to your reseller team's Plaid secret for the chosen environment.", "options");
            }

            if (Environment is null)
            {
                throw new ArgumentException($"PlaidPartnerOptions.Environment is required: use PlaidEnvironment.Production, PlaidEnvironment.Sandbox or PlaidEnvironment.Custom(...). Valid names: {PlaidEnvironment.ValidNames}.", "options");
            }

            if (string.IsNullOrWhiteSpace(PlaidVersion))
            {
                throw new ArgumentException($"PlaidPartnerOptions.PlaidVersion must not be empty (the default is {DefaultPlaidVersion}).", "options");
            }

            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException($"PlaidPartnerOptions.Timeout must be positive or Timeout.InfiniteTimeSpan; it was {Timeout}.", "options");
            }

            return new PlaidPartnerOptions
            {
                ClientId = ClientId.Trim(),
                Secret = Secret,
                Environment = Environment,
                PlaidVersion = PlaidVersion.Trim(),
                Timeout = Timeout,
            };
        }
    }
}
