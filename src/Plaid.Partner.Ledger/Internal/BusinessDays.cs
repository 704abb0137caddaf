namespace Plaid.Partner.Ledger.Internal
{
    /// <summary>
    /// Plaid's reseller guide counts a stuck registration in business days; this counts Monday to Friday in UTC and
    /// knows no holidays, so a holiday week flags a day early rather than late.
    /// </summary>
    internal static class BusinessDays
    {
        /// <summary>The moment <paramref name="days"/> business days after <paramref name="from"/>, at the same time of day.</summary>
        public static DateTimeOffset Add(DateTimeOffset from, int days)
        {
            var at = from.ToUniversalTime();
            if (IsWeekend(at))
            {
                // An enable at the weekend starts counting on Monday at midnight.
                at = new DateTimeOffset(at.Date, TimeSpan.Zero);
                while (IsWeekend(at))
                {
                    at = at.AddDays(1);
                }
            }

            for (var counted = 0; counted < days;)
            {
                at = at.AddDays(1);
                if (!IsWeekend(at))
                {
                    counted++;
                }
            }

            return at;
        }

        /// <summary>
        /// Whole weekdays (UTC) from the day after <paramref name="from"/> to the day of <paramref name="to"/>: how long a
        /// registration has waited, as plaid-partner's <c>stuck</c> shows it.
        /// </summary>
        public static int Between(DateTimeOffset from, DateTimeOffset to)
        {
            var days = 0;
            for (var day = from.UtcDateTime.Date.AddDays(1); day <= to.UtcDateTime.Date; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    days++;
                }
            }

            return days;
        }

        private static bool IsWeekend(DateTimeOffset at) => at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }
}
