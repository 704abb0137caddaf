using System;
using System.Collections.Generic;
using System.Threading;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// The rules every <see cref="PlaidPartnerOptions"/> must satisfy, shared by the client's constructor (names like
    /// <c>PlaidPartnerOptions.ClientId</c>) and start-up validation in a host (configuration keys like <c>Plaid:ClientId</c>).
    /// Messages never contain the secret.
    /// </summary>
    internal static class PlaidPartnerOptionsRules
    {
        public const int MaxRetryAttempts = 10;

        public static List<string> Problems(PlaidPartnerOptions options, string keyPrefix, string nestedSeparator = ".")
        {
            var problems = new List<string>();
            void Add(string key, string problem) => problems.Add($"{keyPrefix}{key} {problem}");

            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                Add(nameof(options.ClientId), "is required: set it to your reseller team's Plaid client_id.");
            }
            else if (!IsHeaderToken(options.ClientId.Trim()))
            {
                Add(nameof(options.ClientId), "contains characters an HTTP header cannot carry (white space, control or non-ASCII characters).");
            }

            if (string.IsNullOrWhiteSpace(options.Secret))
            {
                Add(nameof(options.Secret), "is required: set it to your reseller team's Plaid secret for the chosen environment.");
            }
            else if (!IsHeaderToken(options.Secret))
            {
                // The value itself is never shown; a pasted secret often carries a stray space or newline.
                Add(nameof(options.Secret), "contains characters an HTTP header cannot carry (white space, control or non-ASCII characters); check for a stray space or line break.");
            }

            if (options.Environment is null)
            {
                Add(nameof(options.Environment), $"is required. Valid environments: {PlaidEnvironment.ValidNames}.");
            }
            else if (options.BaseAddress is not null)
            {
                try
                {
                    _ = PlaidEnvironment.Custom(options.BaseAddress, options.Environment);
                }
                catch (ArgumentException e)
                {
                    Add(nameof(options.BaseAddress), $"is not usable: {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
                }
            }

            if (string.IsNullOrWhiteSpace(options.PlaidVersion))
            {
                Add(nameof(options.PlaidVersion), $"must not be empty (the default is {PlaidPartnerOptions.DefaultPlaidVersion}).");
            }
            else if (!IsHeaderToken(options.PlaidVersion.Trim()))
            {
                Add(nameof(options.PlaidVersion), $"contains characters an HTTP header cannot carry (the default is {PlaidPartnerOptions.DefaultPlaidVersion}).");
            }

            CheckTimeout(options.Timeout, nameof(options.Timeout), Add);
            CheckTimeout(options.AttemptTimeout, nameof(options.AttemptTimeout), Add);
            if (options.MaxResponseBodyBytes <= 0)
            {
                Add(
                    nameof(options.MaxResponseBodyBytes),
                    $"must be a positive number of bytes (the default is {PlaidPartnerOptions.DefaultMaxResponseBodyBytes}); it was {options.MaxResponseBodyBytes}.");
            }

            var retry = options.Retry;
            if (retry is null)
            {
                Add(nameof(options.Retry), $"is required; set Retry{nestedSeparator}MaxRetryAttempts to 0 to switch retries off.");
            }
            else
            {
                if (retry.MaxRetryAttempts is < 0 or > MaxRetryAttempts)
                {
                    Add($"Retry{nestedSeparator}MaxRetryAttempts", $"must be between 0 (no retries) and {MaxRetryAttempts}; it was {retry.MaxRetryAttempts}.");
                }

                if (retry.BaseDelay <= TimeSpan.Zero)
                {
                    Add($"Retry{nestedSeparator}BaseDelay", $"must be positive; it was {retry.BaseDelay}.");
                }

                if (retry.MaxDelay < retry.BaseDelay)
                {
                    Add($"Retry{nestedSeparator}MaxDelay", $"must be at least Retry{nestedSeparator}BaseDelay ({retry.BaseDelay}); it was {retry.MaxDelay}.");
                }
            }

            return problems;
        }

        /// <summary>Visible ASCII only: what a header value can carry unchanged, and what Plaid's ids and secrets are made of.</summary>
        private static bool IsHeaderToken(string value)
        {
            foreach (var c in value)
            {
                if (c is < '!' or > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private static void CheckTimeout(TimeSpan value, string key, Action<string, string> add)
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                add(key, $"must be positive or Timeout.InfiniteTimeSpan; it was {value}.");
            }
        }
    }
}
