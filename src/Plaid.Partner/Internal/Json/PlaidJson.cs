using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>The one set of Newtonsoft.Json settings every Plaid body is read and written with.</summary>
    internal static class PlaidJson
    {
        /// <summary>Plaid sends ISO dates as strings; they stay strings. Nesting deeper than this is not a Plaid body.</summary>
        public const int MaxDepth = 64;

        public static void Configure(JsonSerializerSettings settings)
        {
            settings.NullValueHandling = NullValueHandling.Ignore;
            settings.DateParseHandling = DateParseHandling.None;
            settings.MaxDepth = MaxDepth;
            settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        }
    }
}
