using System;
using NUnit.Framework;

namespace Plaid.Partner.Tests
{
    public class PlaidJsonValueTests
    {
        [TestCase("null", PlaidJsonValueKind.Null, "null")]
        [TestCase(" true ", PlaidJsonValueKind.Boolean, "true")]
        [TestCase("-2.50", PlaidJsonValueKind.Number, "-2.50")]
        [TestCase("\"ACTIVE\"", PlaidJsonValueKind.String, "\"ACTIVE\"")]
        [TestCase("{ \"a\" : [1, null, \"é\"] }", PlaidJsonValueKind.Object, "{\"a\":[1,null,\"é\"]}")]
        [TestCase("[ ]", PlaidJsonValueKind.Array, "[]")]
        public void A_value_keeps_its_kind_and_compact_text(string json, PlaidJsonValueKind kind, string compact)
        {
            var value = PlaidJsonValue.Parse(json);

            Assert.Multiple(() =>
            {
                Assert.That(value.Kind, Is.EqualTo(kind));
                Assert.That(value.JsonText, Is.EqualTo(compact), "the number's digits as sent, white space dropped");
                Assert.That(value.ToString(), Is.EqualTo(compact));
                Assert.That(value.TryGetString(out var text), Is.EqualTo(kind == PlaidJsonValueKind.String));
                Assert.That(text, kind == PlaidJsonValueKind.String ? Is.EqualTo("ACTIVE") : Is.Null);
            });
        }

        [TestCase("")]
        [TestCase("{")]
        [TestCase("1 2")]
        [TestCase("NaN")]
        public void Text_that_is_not_one_json_value_is_refused_by_name(string json)
        {
            Assert.That(() => PlaidJsonValue.Parse(json), Throws.ArgumentException.With.Message.Contains("Not one JSON value").And.Property(nameof(ArgumentException.ParamName)).EqualTo("jsonText"));
        }

        [Test]
        public void A_string_is_escaped_as_json_and_equal_to_the_same_string_read_from_json()
        {
            var made = PlaidJsonValue.FromString("say \"hi\"\n");
            var read = PlaidJsonValue.Parse("\"say \\\"hi\\\"\\n\"");

            Assert.Multiple(() =>
            {
                Assert.That(made.JsonText, Is.EqualTo("\"say \\\"hi\\\"\\n\""));
                Assert.That(made, Is.EqualTo(read));
                Assert.That(made.GetHashCode(), Is.EqualTo(read.GetHashCode()));
                Assert.That(made, Is.Not.EqualTo(PlaidJsonValue.Parse("\"say\"")));
                Assert.That(PlaidJsonValue.Parse("1"), Is.Not.EqualTo(PlaidJsonValue.FromString("1")), "a number is not the string of its digits");
            });
        }

        [Test]
        public void A_product_status_reads_a_string_as_the_status_and_keeps_anything_else()
        {
            PartnerEndCustomerProductStatus active = PartnerEndCustomerStatus.Active;
            var other = new PartnerEndCustomerProductStatus(PlaidJsonValue.Parse("{\"state\":\"held\"}"));

            Assert.Multiple(() =>
            {
                Assert.That(active.Status, Is.EqualTo(PartnerEndCustomerStatus.Active));
                Assert.That(active.ToString(), Is.EqualTo("ACTIVE"));
                Assert.That(active == new PartnerEndCustomerProductStatus(PlaidJsonValue.FromString("ACTIVE")), Is.True);
                Assert.That(other.Status, Is.Null);
                Assert.That(other.ToString(), Is.EqualTo("{\"state\":\"held\"}"));
                Assert.That(default(PartnerEndCustomerProductStatus).Value, Is.SameAs(PlaidJsonValue.Null));
                Assert.That(() => new PartnerEndCustomerProductStatus((PlaidJsonValue)null!), Throws.ArgumentNullException);
            });
        }
    }
}
