using System;
using System.ComponentModel;
using System.Globalization;

namespace Plaid.Partner
{
    /// <summary>Lets configuration binding turn <c>"Environment": "sandbox"</c> into <see cref="PlaidEnvironment.Sandbox"/>.</summary>
    public sealed class PlaidEnvironmentTypeConverter : TypeConverter
    {
        /// <inheritdoc/>
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
            sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

        /// <inheritdoc/>
        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string name ? PlaidEnvironment.Parse(name) : base.ConvertFrom(context, culture, value);
    }
}
