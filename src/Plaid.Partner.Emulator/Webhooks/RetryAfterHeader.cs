using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
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
        private static readonly Regex IsoDuration = new(
            @"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

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
            if (value.All(char.IsAsciiDigit))
            {
                // Digits too many for a long are still a number of seconds: longer than the cap.
                wait = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DeliverySchedule.MaxRetryAfter.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : DeliverySchedule.MaxRetryAfter;
            }
            else if (IsoDuration.IsMatch(value))
            {
                try
                {
                    wait = XmlConvert.ToTimeSpan(value.ToUpperInvariant());
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    // A well-formed duration that TimeSpan cannot hold is longer than the cap.
                    wait = DeliverySchedule.MaxRetryAfter;
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
