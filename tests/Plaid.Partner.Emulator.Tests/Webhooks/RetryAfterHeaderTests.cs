using System;
using System.Linq;
using NUnit.Framework;
using Plaid.Partner.Emulator.Webhooks;

namespace Plaid.Partner.Emulator.Tests.Webhooks
{
    /// <summary>Each form of a receiver's Retry-After, and what is not one.</summary>
    public class RetryAfterHeaderTests
    {
        private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        [TestCase("0", 0)]
        [TestCase(" 45 ", 45)]
        [TestCase("14400", 14400)]
        [TestCase("14401", 14400)]
        [TestCase("99999999999999999999", 14400)]
        [TestCase("PT1H30M", 5400)]
        [TestCase("pt90s", 90)]
        [TestCase("P1D", 14400)]
        [TestCase("P99999999999D", 14400)]
        [TestCase("Mon, 07 Dec 2026 09:02:00 GMT", 120)]
        [TestCase("Mon, 07 Dec 2026 08:00:00 GMT", 0)]
        public void A_retry_after_in_any_form_is_a_wait_of_at_most_4_hours(string value, int seconds) =>
            Assert.That(RetryAfterHeader.Parse(value, Now), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

        [TestCase(null)]
        [TestCase("")]
        [TestCase("soon")]
        [TestCase("-5")]
        [TestCase("1.5")]
        [TestCase("PTX")]
        [TestCase("2026-12-07T09:02:00Z")]
        public void What_is_not_a_retry_after_is_ignored(string? value) =>
            Assert.That(RetryAfterHeader.Parse(value, Now), Is.Null);

        [Test]
        public void The_waits_are_30_seconds_times_4_per_attempt() =>
            Assert.That(
                new[] { 1, 2, 3, 4, 5, 6, 7 }.Select(DeliverySchedule.WaitAfter),
                Is.EqualTo(new[] { 30, 120, 480, 1920, 7680, 30720, 122880 }.Select(s => TimeSpan.FromSeconds(s))));

        [TestCase(9, 9, false, TestName = "Nine of nine refused: under the minimum of ten")]
        [TestCase(9, 10, false, TestName = "Nine of ten refused: 90%, not more")]
        [TestCase(10, 10, true, TestName = "Ten of ten refused")]
        [TestCase(19, 20, true, TestName = "Nineteen of twenty refused: 95%")]
        public void The_90_percent_rule(int refused, int total, bool stops) =>
            Assert.That(DeliverySchedule.RefusesTooMany(refused, total), Is.EqualTo(stops));
    }
}
