using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class SpecWriterTests
    {
        [TestCase("200", "'200'")]
        [TestCase("12345", "'12345'")]
        [TestCase("2022-06-30", "'2022-06-30'")]
        [TestCase("true", "'true'")]
        [TestCase("null", "'null'")]
        [TestCase("y", "'y'")]
        [TestCase("", "''")]
        [TestCase("#/components/schemas/X", "'#/components/schemas/X'")]
        [TestCase("a: b", "'a: b'")]
        [TestCase("ins_56", "ins_56")]
        [TestCase("https://plaid.com", "https://plaid.com")]
        public void Strings_are_quoted_exactly_when_a_plain_scalar_would_read_as_something_else(string value, string written)
        {
            var yaml = SpecWriter.Write(new JObject { ["v"] = value });

            Assert.That(yaml, Is.EqualTo($"v: {written}\n"));
        }

        [Test]
        public void Numbers_booleans_nulls_and_empty_containers_are_plain()
        {
            var yaml = SpecWriter.Write(new JObject { ["i"] = 1560466150L, ["b"] = true, ["z"] = null, ["o"] = new JObject(), ["a"] = new JArray() });

            Assert.That(yaml, Is.EqualTo("i: 1560466150\nb: true\nz: null\no: {}\na: []\n"));
        }

        [Test]
        public void Long_and_multi_line_strings_are_folded_and_read_back_unchanged()
        {
            var text = new string('x', 10) + " " + string.Join(" ", System.Linq.Enumerable.Repeat("word", 30)) + "\n\nSecond paragraph.";
            var document = new JObject { ["description"] = text };

            var yaml = SpecWriter.Write(document);

            Assert.Multiple(() =>
            {
                Assert.That(yaml, Does.StartWith("description: >-\n  xxxxxxxxxx word"));
                Assert.That(yaml.Split('\n'), Has.Length.EqualTo(7), "folded into lines of about 80 columns");
                Assert.That((string?)SpecReader.Read(yaml, "t")["description"], Is.EqualTo(text));
            });
        }

        [Test]
        public void Sequences_are_indented_under_their_key_and_the_file_ends_with_one_newline()
        {
            var yaml = SpecWriter.Write(new JObject { ["tags"] = new JArray("a", "b") });

            Assert.That(yaml, Is.EqualTo("tags:\n  - a\n  - b\n"));
        }
    }
}
