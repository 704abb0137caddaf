using System;
using NUnit.Framework;
using Plaid.Partner.Ledger.Internal;

namespace Plaid.Partner.Ledger.Tests.Internal
{
    /// <summary>The one business-day rule, used by the stuck flag (Add) and by plaid-partner's days waiting (Between).</summary>
    public class BusinessDaysTests
    {
        private static readonly DateTimeOffset FridayNoon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        [TestCase(0, 0)]
        [TestCase(1, 0)]
        [TestCase(2, 0)]
        [TestCase(3, 1)]
        [TestCase(5, 3)]
        [TestCase(10, 6)]
        public void Between_counts_the_weekdays_after_the_start_day_up_to_the_end_day(int calendarDays, int businessDays) =>
            Assert.That(BusinessDays.Between(FridayNoon, FridayNoon.AddDays(calendarDays)), Is.EqualTo(businessDays));

        [Test]
        public void Add_skips_the_weekend_to_the_same_time_of_day() =>
            Assert.That(BusinessDays.Add(FridayNoon, 3), Is.EqualTo(FridayNoon.AddDays(5)));
    }
}
