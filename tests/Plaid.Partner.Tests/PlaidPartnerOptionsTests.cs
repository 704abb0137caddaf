using System;
using System.Threading;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests
{
    public class PlaidPartnerOptionsTests
    {
        [Test]
        public void Defaults_are_sandbox_the_2020_09_14_version_and_a_finite_timeout()
        {
            var options = new PlaidPartnerOptions();

            Assert.Multiple(() =>
            {
                Assert.That(options.Environment, Is.SameAs(PlaidEnvironment.Sandbox));
                Assert.That(options.PlaidVersion, Is.EqualTo("2020-09-14"));
                Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
            });
        }

        [Test]
        public void ToString_shows_the_settings_but_never_the_secret()
        {
            var options = new PlaidPartnerOptions { ClientId = "client", Secret = MockPlaid.Secret, Environment = PlaidEnvironment.Production };

            var text = options.ToString();

            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Not.Contain(MockPlaid.Secret));
                Assert.That(text, Does.Contain("client").And.Contain("[redacted]").And.Contain("production"));
            });
        }

        private static readonly object[] InvalidOptions =
        {
            new object[] { new PlaidPartnerOptions { Secret = "s" }, "ClientId" },
            new object[] { new PlaidPartnerOptions { ClientId = " ", Secret = "s" }, "ClientId" },
            new object[] { new PlaidPartnerOptions { ClientId = "c" }, "Secret" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = "s", Environment = null! }, "Environment" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = "s", PlaidVersion = "" }, "PlaidVersion" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = "s", Timeout = TimeSpan.Zero }, "Timeout" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = "s", Timeout = TimeSpan.FromSeconds(-5) }, "Timeout" },
        };

        [TestCaseSource(nameof(InvalidOptions))]
        public void Invalid_options_fail_naming_the_setting_without_showing_the_secret(PlaidPartnerOptions options, string setting)
        {
            var exception = Assert.Throws<ArgumentException>(() => _ = new PlaidPartnerClient(options));

            Assert.That(exception!.Message, Does.Contain($"PlaidPartnerOptions.{setting}"));
            if (options.Secret is { Length: > 0 } secret && secret.Trim().Length > 0)
            {
                Assert.That(exception.Message, Does.Not.Contain("\"" + secret + "\""));
            }
        }

        [Test]
        public void An_infinite_timeout_is_allowed()
        {
            var options = new PlaidPartnerOptions { ClientId = "c", Secret = "s", Timeout = Timeout.InfiniteTimeSpan };

            Assert.That(() => new PlaidPartnerClient(options), Throws.Nothing);
        }
    }
}
