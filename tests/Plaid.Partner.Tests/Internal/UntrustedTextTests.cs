using NUnit.Framework;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Tests.Internal
{
    public class UntrustedTextTests
    {
        [Test]
        public void Control_characters_quotes_and_backslashes_are_escaped()
        {
            Assert.That(UntrustedText.Quote("a\r\nb\"c\\d\u001b"), Is.EqualTo("\"a\\u000d\\u000ab\\u0022c\\u005cd\\u001b\""));
        }

        [Test]
        public void Long_values_are_cut_and_their_length_is_said()
        {
            var quoted = UntrustedText.Quote(new string('k', 1000));

            Assert.That(quoted, Does.StartWith("\"" + new string('k', 64) + "\"").And.EndWith("(1000 characters)"));
        }

        [Test]
        public void Line_and_paragraph_separators_and_bidirectional_overrides_are_escaped_too()
        {
            Assert.That(UntrustedText.Quote("a\u2028b\u2029c\u202ed"), Is.EqualTo("\"a\\u2028b\\u2029c\\u202ed\""));
        }

        [Test]
        public void Clamp_escapes_and_cuts_without_quotes()
        {
            Assert.Multiple(() =>
            {
                Assert.That(UntrustedText.Clamp("a\r\nb"), Is.EqualTo("a\\u000d\\u000ab"));
                Assert.That(UntrustedText.Clamp(new string('k', 1000)), Is.EqualTo(new string('k', 64) + "… (1000 characters)"));
                Assert.That(UntrustedText.Clamp(null), Is.Null);
            });
        }

        [Test]
        public void Clamp_returns_a_plain_value_itself()
        {
            var value = new string('k', 64);

            Assert.That(UntrustedText.Clamp(value), Is.SameAs(value));
        }

        [Test]
        public void Null_is_shown_as_none()
        {
            Assert.That(UntrustedText.Quote(null), Is.EqualTo("(none)"));
        }
    }
}
