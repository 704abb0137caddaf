using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Xml;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// Reads a receiver's <c>Retry-After</c> in the three forms Plaid honours on a 429: whole seconds (<c>120</c>), an
    /// HTTP date (<c>Wed, 09 Dec 2026 10:00:00 GMT</c>) and an ISO 8601 duration (<c>PT2M</c>); capped at
    /// <see cref="DeliverySchedule.MaxRetryAfter"/>, never negative.
    /// </summary>
    internal static class RetryAfterHeader
    {
        public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now) =>
            response.Headers.NonValidated.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;

        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            value = value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            TimeSpan? wait = null;
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                wait = seconds > DeliverySchedule.MaxRetryAfter.TotalSeconds ? DeliverySchedule.MaxRetryAfter : TimeSpan.FromSeconds(seconds);
            }
            else if (value[0] is 'P' or 'p')
            {
                try
                {
                    wait = XmlConvert.ToTimeSpan(value.ToUpperInvariant());
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    // A duration longer than TimeSpan holds is longer than the cap.
                    wait = e is OverflowException ? DeliverySchedule.MaxRetryAfter : null;
                }
            }
            else if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                wait = at - now;
            }

            return wait is not { } w ? null
                : w < TimeSpan.Zero ? TimeSpan.Zero
                : w > DeliverySchedule.MaxRetryAfter ? DeliverySchedule.MaxRetryAfter
                : w;
        }
    }
}
