using System;

namespace Plaid.Partner.Internal
{
    /// <summary>The check every id argument (an end customer's <c>client_id</c>, a webhook key id) gets before a call.</summary>
    internal static class RequiredId
    {
        public static string Check(string value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{parameterName} must be a non-empty Plaid id.", parameterName);
            }

            return value;
        }
    }
}
