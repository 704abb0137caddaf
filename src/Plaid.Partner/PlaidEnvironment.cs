using System;
using System.ComponentModel;
using System.Net;

namespace Plaid.Partner
{
    /// <summary>
    /// The Plaid environment a client talks to: <see cref="Production"/>, <see cref="Sandbox"/>, or a custom base
    /// address (a proxy or the local emulator) that declares which of the two it stands for. Development is retired.
    /// </summary>
    [TypeConverter(typeof(PlaidEnvironmentTypeConverter))]
    public sealed class PlaidEnvironment : IEquatable<PlaidEnvironment>
    {
        private const string ProductionName = "production";
        private const string SandboxName = "sandbox";

        private PlaidEnvironment(string name, Uri baseAddress, bool isProduction, bool isCustom)
        {
            Name = name;
            BaseAddress = baseAddress;
            IsProduction = isProduction;
            IsCustom = isCustom;
        }

        /// <summary>Plaid Production, <c>https://production.plaid.com</c>. End customers are created here.</summary>
        public static PlaidEnvironment Production { get; } = new(ProductionName, new Uri("https://production.plaid.com/"), isProduction: true, isCustom: false);

        /// <summary>Plaid Sandbox, <c>https://sandbox.plaid.com</c>. <c>/partner/customer/create</c> only returns a sample here.</summary>
        public static PlaidEnvironment Sandbox { get; } = new(SandboxName, new Uri("https://sandbox.plaid.com/"), isProduction: false, isCustom: false);

        /// <summary>The names <see cref="Parse"/> accepts, in the form shown in error messages.</summary>
        public static string ValidNames => $"'{ProductionName}', '{SandboxName}'";

        /// <summary>The environment's name: <c>production</c> or <c>sandbox</c> (the one a custom address stands for).</summary>
        public string Name { get; }

        /// <summary>The base address every operation path is appended to.</summary>
        public Uri BaseAddress { get; }

        /// <summary>True when this is Production or a custom address standing for Production.</summary>
        public bool IsProduction { get; }

        /// <summary>True when this is Sandbox or a custom address standing for Sandbox.</summary>
        public bool IsSandbox => !IsProduction;

        /// <summary>True when <see cref="BaseAddress"/> is not Plaid's own host for this environment.</summary>
        public bool IsCustom { get; }

        /// <summary>
        /// A custom base address that behaves as <paramref name="standsFor"/> (Production or Sandbox), for a proxy or the
        /// local emulator. The address must be absolute https, or http on a loopback host only, so credentials never
        /// cross a network in clear text.
        /// </summary>
        /// <param name="baseAddress">The absolute base address, e.g. <c>http://127.0.0.1:5005/</c>.</param>
        /// <param name="standsFor"><see cref="Production"/> or <see cref="Sandbox"/>.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The address is not absolute, not http(s), or http on a non-loopback host; or <paramref name="standsFor"/> is itself custom.</exception>
        public static PlaidEnvironment Custom(Uri baseAddress, PlaidEnvironment standsFor)
        {
            if (baseAddress is null)
            {
                throw new ArgumentNullException(nameof(baseAddress));
            }

            if (standsFor is null)
            {
                throw new ArgumentNullException(nameof(standsFor));
            }

            if (standsFor.IsCustom)
            {
                throw new ArgumentException("A custom environment must stand for PlaidEnvironment.Production or PlaidEnvironment.Sandbox, not for another custom environment.", nameof(standsFor));
            }

            if (baseAddress.IsAbsoluteUri && !string.IsNullOrEmpty(baseAddress.UserInfo))
            {
                // Said without quoting the address: its user info may hold a password.
                throw new ArgumentException(
                    "The base address must not contain user information (user:password@); configure proxy credentials on the HttpClient's handler instead.",
                    nameof(baseAddress));
            }

            if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"The base address '{baseAddress}' must be an absolute http or https URI.", nameof(baseAddress));
            }

            if (baseAddress.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseAddress))
            {
                throw new ArgumentException(
                    $"The base address '{baseAddress}' uses plain http on a non-loopback host; Plaid credentials must travel over https (TLS 1.2+). "
                    + "Plain http is allowed for 127.0.0.1, [::1] and localhost only.",
                    nameof(baseAddress));
            }

            if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
            {
                throw new ArgumentException($"The base address '{baseAddress}' must not have a query or a fragment.", nameof(baseAddress));
            }

            var normalized = baseAddress.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
            return new PlaidEnvironment(standsFor.Name, normalized, standsFor.IsProduction, isCustom: true);
        }

        /// <summary>Parses <c>production</c> or <c>sandbox</c>, ignoring case and surrounding white space.</summary>
        /// <param name="name">The environment name.</param>
        /// <exception cref="ArgumentException">Any other name, <c>development</c> included; the message lists the valid ones.</exception>
        public static PlaidEnvironment Parse(string name)
        {
            if (TryParse(name, out var environment))
            {
                return environment;
            }

            var retired = string.Equals(name?.Trim(), "development", StringComparison.OrdinalIgnoreCase)
                ? " Plaid retired the Development environment; use 'sandbox' for testing."
                : string.Empty;
            throw new ArgumentException($"'{name}' is not a Plaid environment. Valid environments: {ValidNames}.{retired}", nameof(name));
        }

        /// <summary>Parses <c>production</c> or <c>sandbox</c>, ignoring case and surrounding white space.</summary>
        /// <param name="name">The environment name.</param>
        /// <param name="environment">The environment, when the name is valid.</param>
        /// <returns>True when <paramref name="name"/> names Production or Sandbox.</returns>
        public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PlaidEnvironment? environment)
        {
            switch (name?.Trim().ToUpperInvariant())
            {
                case "PRODUCTION":
                    environment = Production;
                    return true;
                case "SANDBOX":
                    environment = Sandbox;
                    return true;
                default:
                    environment = null;
                    return false;
            }
        }

        /// <summary>The name, and for a custom environment also its base address.</summary>
        public override string ToString() => IsCustom ? $"{Name} (custom: {BaseAddress})" : Name;

        /// <inheritdoc/>
        public bool Equals(PlaidEnvironment? other) =>
            other is not null && IsProduction == other.IsProduction && IsCustom == other.IsCustom && BaseAddress == other.BaseAddress;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as PlaidEnvironment);

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(IsProduction, IsCustom, BaseAddress);

        private static bool IsLoopback(Uri address) =>
            address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
    }
}
