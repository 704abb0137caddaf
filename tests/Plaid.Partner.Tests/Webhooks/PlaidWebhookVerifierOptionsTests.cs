using System;
using NUnit.Framework;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    public class PlaidWebhookVerifierOptionsTests
    {
        private static readonly object[] InvalidSettings =
        {
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.TimeProvider = null!), "TimeProvider" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.ClockSkew = TimeSpan.FromSeconds(-1)), "ClockSkew" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.ClockSkew = TimeSpan.FromMinutes(5.5)), "ClockSkew" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.KeyCacheDuration = TimeSpan.Zero), "KeyCacheDuration" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.KeyCacheDuration = TimeSpan.FromHours(25)), "KeyCacheDuration" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.RejectedKeyIdRetention = TimeSpan.FromSeconds(-1)), "RejectedKeyIdRetention" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.MaxNewKeyIdFetchesPerMinute = 0), "MaxNewKeyIdFetchesPerMinute" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.KeyFetchTimeout = TimeSpan.Zero), "KeyFetchTimeout" },
            new object[] { (Action<PlaidWebhookVerifierOptions>)(o => o.KeyFetchTimeout = TimeSpan.FromSeconds(11)), "KeyFetchTimeout" },
        };

        [Test]
        public void The_defaults_follow_Plaids_webhook_verification_page()
        {
            var options = new PlaidWebhookVerifierOptions();

            Assert.Multiple(() =>
            {
                Assert.That(options.KeyCacheDuration, Is.EqualTo(TimeSpan.FromHours(24)));
                Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
                Assert.That(options.ClockSkew, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
                Assert.That(PlaidWebhookVerifier.MaxTokenAge, Is.EqualTo(TimeSpan.FromMinutes(5)));
                Assert.That(options.KeyFetchTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)), "well under the 10 seconds Plaid waits for an answer");
                Assert.That(options.ValidatedCopy().KeyFetchTimeout, Is.EqualTo(options.KeyFetchTimeout));
                Assert.That(options.ValidatedCopy(), Is.Not.SameAs(options));
            });
        }

        [TestCaseSource(nameof(InvalidSettings))]
        public void An_invalid_setting_is_refused_by_name(Action<PlaidWebhookVerifierOptions> breakIt, string setting)
        {
            var options = new PlaidWebhookVerifierOptions();
            breakIt(options);

            Assert.That(() => options.ValidatedCopy(), Throws.ArgumentException.With.Message.Contains(setting));
        }

        [Test]
        public void The_copy_does_not_follow_later_changes()
        {
            var options = new PlaidWebhookVerifierOptions { ClockSkew = TimeSpan.FromSeconds(10) };
            var copy = options.ValidatedCopy();

            options.ClockSkew = TimeSpan.FromMinutes(2);

            Assert.That(copy.ClockSkew, Is.EqualTo(TimeSpan.FromSeconds(10)));
        }
    }
}
