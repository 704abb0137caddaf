using System;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// One product's onboarding status in <c>product_statuses</c>. Plaid sends a status string
    /// (<see cref="Status"/>, an extensible <see cref="PartnerEndCustomerStatus"/>), but its contract leaves the value
    /// open, so any other JSON value is kept as received in <see cref="Value"/> instead of failing the answer.
    /// </summary>
    /// <remarks>
    /// Beta: part of Plaid's beta partner endpoints (<see cref="PlaidPartnerBetaClient"/>), which Plaid may change or
    /// withdraw, so this type may change in a minor version of this library (README, "Versioning").
    /// </remarks>
    [Newtonsoft.Json.JsonConverter(typeof(PartnerEndCustomerProductStatusNewtonsoftJsonConverter))]
    [System.Text.Json.Serialization.JsonConverter(typeof(PartnerEndCustomerProductStatusSystemTextJsonConverter))]
    public readonly struct PartnerEndCustomerProductStatus : IEquatable<PartnerEndCustomerProductStatus>
    {
        private readonly PlaidJsonValue? _value;

        /// <summary>A status string.</summary>
        /// <param name="status">The status.</param>
        public PartnerEndCustomerProductStatus(PartnerEndCustomerStatus status)
        {
            _value = PlaidJsonValue.FromString(status.ToString());
        }

        /// <summary>Any JSON value, as Plaid's contract allows; a JSON string reads as a <see cref="Status"/>.</summary>
        /// <param name="value">The value.</param>
        /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
        public PartnerEndCustomerProductStatus(PlaidJsonValue value)
        {
            _value = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>The status, when Plaid sent a string (as it documents); null for any other JSON value.</summary>
        public PartnerEndCustomerStatus? Status => _value is not null && _value.TryGetString(out var status) ? new PartnerEndCustomerStatus(status) : (PartnerEndCustomerStatus?)null;

        /// <summary>The value exactly as received: a JSON string for a <see cref="Status"/>, or whatever else Plaid sent.</summary>
        public PlaidJsonValue Value => _value ?? PlaidJsonValue.Null;

        /// <summary>The status string, or the JSON text of any other value.</summary>
        /// <returns>The status or JSON text.</returns>
        public override string ToString() => _value is not null && _value.TryGetString(out var status) ? status : Value.JsonText;

        /// <inheritdoc/>
        public bool Equals(PartnerEndCustomerProductStatus other) => Value.Equals(other.Value);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is PartnerEndCustomerProductStatus other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Value.GetHashCode();

        /// <summary>Compares two values by their JSON.</summary>
        /// <param name="left">A value.</param>
        /// <param name="right">Another value.</param>
        /// <returns>True when both hold the same JSON.</returns>
        public static bool operator ==(PartnerEndCustomerProductStatus left, PartnerEndCustomerProductStatus right) => left.Equals(right);

        /// <summary>Compares two values by their JSON.</summary>
        /// <param name="left">A value.</param>
        /// <param name="right">Another value.</param>
        /// <returns>True when they hold different JSON.</returns>
        public static bool operator !=(PartnerEndCustomerProductStatus left, PartnerEndCustomerProductStatus right) => !left.Equals(right);

        /// <summary>A status string.</summary>
        /// <param name="status">The status.</param>
        public static implicit operator PartnerEndCustomerProductStatus(PartnerEndCustomerStatus status) => new(status);
    }
}
