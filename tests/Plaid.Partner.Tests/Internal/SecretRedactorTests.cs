using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests.Internal
{
    public class SecretRedactorTests
    {
        private const string Secret = "0123456789abcdef0123456789abcd";

        [TestCase("{\"secret\":\"" + Secret + "\"}")]
        [TestCase("{\"production_secret\": \"" + Secret + "\"}")]
        [TestCase("{\"secrets\":{\"sandbox\":\"" + Secret + "\"}}")]
        [TestCase("{\"secrets\":{\"production\":\"" + Secret)]
        [TestCase("plain text mentioning " + Secret + " somewhere")]
        public void Secrets_are_removed(string text)
        {
            var redacted = SecretRedactor.Redact(text, knownSecret: Secret);

            Assert.That(redacted, Does.Not.Contain(Secret));
            Assert.That(redacted, Does.Contain(SecretRedactor.Redacted));
        }

        [Test]
        public void Secret_values_are_removed_even_when_the_configured_secret_is_another()
        {
            var redacted = SecretRedactor.Redact("{\"production_secret\":\"79g03eoofwl8240v776r2h667442119\"}", knownSecret: "other");

            Assert.That(redacted, Is.EqualTo("{\"production_secret\": \"[REDACTED]\"}"));
        }

        [Test]
        public void Other_members_are_left_alone()
        {
            const string Text = "{\"error_code\":\"CUSTOMER_NOT_FOUND\",\"environment\":\"production\"}";

            Assert.That(SecretRedactor.Redact(Text, knownSecret: Secret), Is.EqualTo(Text));
        }

        [Test]
        public void A_snippet_is_cut_after_redaction_and_says_how_much_is_left()
        {
            var body = "{\"production_secret\":\"" + Secret + "\",\"pad\":\"" + new string('x', 1000) + "\"}";

            var snippet = SecretRedactor.Snippet(body, knownSecret: null, maxLength: 40)!;

            Assert.Multiple(() =>
            {
                Assert.That(snippet, Does.StartWith("{\"production_secret\": \"[REDACTED]\""));
                Assert.That(snippet, Does.Contain("more characters"));
                Assert.That(snippet, Does.Not.Contain(Secret.Substring(0, 8)));
            });
        }

        [Test]
        public void A_snippet_of_nothing_is_null_and_control_characters_become_spaces()
        {
            Assert.That(SecretRedactor.Snippet("", null), Is.Null);
            Assert.That(SecretRedactor.Snippet("a\r\nb\u0000c", null), Is.EqualTo("a  b c"));
        }
    }
}
