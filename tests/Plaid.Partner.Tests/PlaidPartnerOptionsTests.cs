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
                Assert.That(options.MaxResponseBodyBytes, Is.EqualTo(1024 * 1024));
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
                Assert.That(text, Does.Contain("client").And.Contain("[redacted]").And.Contain("production").And.Contain("MaxResponseBodyBytes = 1048576"));
            });
        }

        // A distinctive secret wherever one is set, so "the message does not show it" can fail.
        private const string Secret = MockPlaid.Secret;

        private static readonly object[] InvalidOptions =
        {
            new object[] { new PlaidPartnerOptions { Secret = Secret }, "ClientId" },
            new object[] { new PlaidPartnerOptions { ClientId = " ", Secret = Secret }, "ClientId" },
            new object[] { new PlaidPartnerOptions { ClientId = "client id with spaces", Secret = Secret }, "ClientId" },
            new object[] { new PlaidPartnerOptions { ClientId = "c" }, "Secret" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret + "\n" }, "Secret" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = " " + Secret }, "Secret" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret + "é" }, "Secret" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, Environment = null! }, "Environment" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, PlaidVersion = "" }, "PlaidVersion" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, Timeout = TimeSpan.Zero }, "Timeout" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, Timeout = TimeSpan.FromSeconds(-5) }, "Timeout" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, BaseAddress = new Uri("https://user:hunter2@proxy.example") }, "BaseAddress" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, MaxResponseBodyBytes = 0 }, "MaxResponseBodyBytes" },
            new object[] { new PlaidPartnerOptions { ClientId = "c", Secret = Secret, MaxResponseBodyBytes = -1 }, "MaxResponseBodyBytes" },
        };

        [TestCaseSource(nameof(InvalidOptions))]
        public void Invalid_options_fail_naming_the_setting_without_showing_the_secret(PlaidPartnerOptions options, string setting)
        {
            var exception = Assert.Throws<ArgumentException>(() => _ = new PlaidPartnerClient(options));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.Message, Does.Contain($"PlaidPartnerOptions.{setting}"));
                Assert.That(exception.ToString(), Does.Not.Contain(Secret).And.Not.Contain("hunter2"));
            });
        }

        [Test]
        public void ToString_never_shows_user_info_of_a_base_address()
        {
            var options = new PlaidPartnerOptions { BaseAddress = new Uri("https://user:hunter2@proxy.example") };

            Assert.That(options.ToString(), Does.Not.Contain("hunter2").And.Contain("[redacted: has user info]"));
        }

        [Test]
        public void An_infinite_timeout_is_allowed()
        {
            var options = new PlaidPartnerOptions { ClientId = "c", Secret = "s", Timeout = Timeout.InfiniteTimeSpan };

            Assert.That(() => new PlaidPartnerClient(options), Throws.Nothing);
        }
    }
}
