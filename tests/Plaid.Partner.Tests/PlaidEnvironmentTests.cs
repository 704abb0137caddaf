using System;
using System.ComponentModel;
using NUnit.Framework;

namespace Plaid.Partner.Tests
{
    public class PlaidEnvironmentTests
    {
        [TestCase("production", true)]
        [TestCase("PRODUCTION", true)]
        [TestCase(" Production ", true)]
        [TestCase("sandbox", false)]
        [TestCase("SandBox", false)]
        public void Names_parse_case_insensitively(string name, bool isProduction)
        {
            var environment = PlaidEnvironment.Parse(name);

            Assert.That(environment, Is.SameAs(isProduction ? PlaidEnvironment.Production : PlaidEnvironment.Sandbox));
        }

        [TestCase("development", "retired")]
        [TestCase("Development", "retired")]
        [TestCase("prod", "'production', 'sandbox'")]
        [TestCase("", "'production', 'sandbox'")]
        public void Other_names_fail_listing_the_valid_ones(string name, string expected)
        {
            var exception = Assert.Throws<ArgumentException>(() => PlaidEnvironment.Parse(name));

            Assert.That(exception!.Message, Does.Contain(expected).And.Contain("'production', 'sandbox'"));
            Assert.That(PlaidEnvironment.TryParse(name, out var parsed), Is.False);
            Assert.That(parsed, Is.Null);
        }

        [Test]
        public void The_two_hosts_are_plaids()
        {
            Assert.Multiple(() =>
            {
                Assert.That(PlaidEnvironment.Production.BaseAddress.AbsoluteUri, Is.EqualTo("https://production.plaid.com/"));
                Assert.That(PlaidEnvironment.Sandbox.BaseAddress.AbsoluteUri, Is.EqualTo("https://sandbox.plaid.com/"));
                Assert.That(PlaidEnvironment.Production.IsProduction, Is.True);
                Assert.That(PlaidEnvironment.Sandbox.IsSandbox, Is.True);
            });
        }

        [TestCase("http://127.0.0.1:5005", "http://127.0.0.1:5005/")]
        [TestCase("http://localhost:5005/", "http://localhost:5005/")]
        [TestCase("http://[::1]:8080/plaid", "http://[::1]:8080/plaid/")]
        [TestCase("https://plaid-proxy.internal.example", "https://plaid-proxy.internal.example/")]
        public void A_custom_address_declares_what_it_stands_for(string address, string expected)
        {
            var custom = PlaidEnvironment.Custom(new Uri(address), PlaidEnvironment.Production);

            Assert.Multiple(() =>
            {
                Assert.That(custom.BaseAddress.AbsoluteUri, Is.EqualTo(expected));
                Assert.That(custom.IsProduction, Is.True);
                Assert.That(custom.IsCustom, Is.True);
                Assert.That(custom.Name, Is.EqualTo("production"));
                Assert.That(custom.ToString(), Does.Contain(expected));
                Assert.That(custom, Is.Not.EqualTo(PlaidEnvironment.Production));
            });
        }

        [TestCase("http://plaid-proxy.example.com", "plain http")]
        [TestCase("ftp://127.0.0.1", "http or https")]
        [TestCase("https://proxy.example.com/?x=1", "query")]
        [TestCase("https://user:hunter2@proxy.example.com", "user information")]
        public void Unsafe_or_malformed_custom_addresses_are_refused(string address, string expected)
        {
            var exception = Assert.Throws<ArgumentException>(() => PlaidEnvironment.Custom(new Uri(address), PlaidEnvironment.Sandbox));

            Assert.That(exception!.Message, Does.Contain(expected).And.Not.Contain("hunter2"));
        }

        [Test]
        public void A_relative_custom_address_is_refused()
        {
            Assert.Throws<ArgumentException>(() => PlaidEnvironment.Custom(new Uri("/plaid", UriKind.Relative), PlaidEnvironment.Sandbox));
        }

        [Test]
        public void A_custom_address_cannot_stand_for_another_custom_one()
        {
            var custom = PlaidEnvironment.Custom(new Uri("http://127.0.0.1:1"), PlaidEnvironment.Sandbox);

            Assert.Throws<ArgumentException>(() => PlaidEnvironment.Custom(new Uri("http://127.0.0.1:2"), custom));
        }

        [Test]
        public void Configuration_binding_can_convert_a_name()
        {
            var converter = TypeDescriptor.GetConverter(typeof(PlaidEnvironment));

            Assert.That(converter.ConvertFromInvariantString("Production"), Is.SameAs(PlaidEnvironment.Production));
            Assert.Throws<ArgumentException>(() => converter.ConvertFromInvariantString("development"));
        }
    }
}
