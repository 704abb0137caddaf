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
        public void Null_is_shown_as_none()
        {
            Assert.That(UntrustedText.Quote(null), Is.EqualTo("(none)"));
        }
    }
}
