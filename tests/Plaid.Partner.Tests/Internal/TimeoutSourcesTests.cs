using System;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests.Internal
{
    public class TimeoutSourcesTests
    {
        private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

        [Test]
        public void On_the_system_clock_a_source_whose_call_ended_is_reset_and_reused()
        {
            var sources = new TimeoutSources(TimeProvider.System);
            var first = sources.Rent(AnHour);
            sources.Return(first);

            var second = sources.Rent(AnHour);

            Assert.Multiple(() =>
            {
#if PLAID_NETSTANDARD_LIBRARY
                // netstandard2.0 has no CancellationTokenSource.TryReset, so that build never reuses a source.
                Assert.That(second, Is.Not.SameAs(first));
#else
                Assert.That(second, Is.SameAs(first));
#endif
                Assert.That(second.IsCancellationRequested, Is.False);
            });
            sources.Return(second);
        }

        [Test]
        public void A_cancelled_source_is_never_handed_out_again()
        {
            var sources = new TimeoutSources(TimeProvider.System);
            var first = sources.Rent(AnHour);
            first.Cancel();
            sources.Return(first);

            var second = sources.Rent(AnHour);

            Assert.Multiple(() =>
            {
                Assert.That(second, Is.Not.SameAs(first));
                Assert.That(second.IsCancellationRequested, Is.False);
            });
            sources.Return(second);
        }

        [Test]
        public void On_another_clock_every_source_is_new_and_follows_that_clock()
        {
            var time = new FakeTimeProvider();
            var sources = new TimeoutSources(time);
            var first = sources.Rent(AnHour);
            sources.Return(first);

            var second = sources.Rent(AnHour);
            time.Advance(AnHour);

            Assert.Multiple(() =>
            {
                Assert.That(second, Is.Not.SameAs(first));
                Assert.That(second.IsCancellationRequested, Is.True);
            });
        }

        [Test]
        public void A_zero_timeout_is_already_cancelled()
        {
            var sources = new TimeoutSources(TimeProvider.System);

            Assert.That(sources.Rent(TimeSpan.Zero).IsCancellationRequested, Is.True);
        }
    }
}
