namespace Plaid.Partner
{
    /// <summary>What kind of JSON value a <see cref="PlaidJsonValue"/> holds.</summary>
    public enum PlaidJsonValueKind
    {
        /// <summary>The JSON <c>null</c>.</summary>
        Null,

        /// <summary>A JSON string.</summary>
        String,

        /// <summary>A JSON number.</summary>
        Number,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Boolean,

        /// <summary>A JSON object.</summary>
        Object,

        /// <summary>A JSON array.</summary>
        Array,
    }
}
