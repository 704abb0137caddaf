using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class SpecReaderTests
    {
        [Test]
        public void Plain_scalars_resolve_and_quoted_ones_stay_strings()
        {
            var document = SpecReader.Read("a: 1\nb: '1'\nc: true\nd: null\ne: 2022-06-30\nf: 2020-09-14_1.517.0\n'200': x\n", "t");

            Assert.Multiple(() =>
            {
                Assert.That(document["a"]!.Type, Is.EqualTo(JTokenType.Integer));
                Assert.That(document["b"]!.Type, Is.EqualTo(JTokenType.String));
                Assert.That(document["c"]!.Type, Is.EqualTo(JTokenType.Boolean));
                Assert.That(document["d"]!.Type, Is.EqualTo(JTokenType.Null));
                Assert.That((string?)document["e"], Is.EqualTo("2022-06-30"));
                Assert.That((string?)document["f"], Is.EqualTo("2020-09-14_1.517.0"));
                Assert.That((string?)document["200"], Is.EqualTo("x"));
            });
        }

        [Test]
        public void Json_dates_stay_strings()
        {
            var document = SpecReader.Read("{\"d\": \"2022-06-30T00:00:00Z\"}", "t");

            Assert.That(document["d"]!.Type, Is.EqualTo(JTokenType.String));
        }

        [Test]
        public void Invalid_yaml_names_the_source_and_the_line()
        {
            var exception = Assert.Throws<SpecSliceException>(() => SpecReader.Read("a: 1\nb: [\n", "the input 'x.yml'"));

            Assert.That(exception!.Message, Does.StartWith("the input 'x.yml' is not valid YAML (line"));
        }

        [Test]
        public void Duplicate_keys_are_refused()
        {
            Assert.Throws<SpecSliceException>(() => SpecReader.Read("a: 1\na: 2\n", "t"));
        }

        [Test]
        public void Invalid_json_names_the_source()
        {
            var exception = Assert.Throws<SpecSliceException>(() => SpecReader.Read("{\"a\": ", "the input 'x.json'"));

            Assert.That(exception!.Message, Does.StartWith("the input 'x.json' is not valid JSON"));
        }

        [Test]
        public void A_top_level_list_is_refused()
        {
            var exception = Assert.Throws<SpecSliceException>(() => SpecReader.Read("- a\n", "t"));

            Assert.That(exception!.Message, Does.Contain("not a YAML or JSON object at its top level"));
        }

        [Test]
        public void A_missing_file_is_named()
        {
            var exception = Assert.Throws<SpecSliceException>(() => SpecReader.ReadFile("/nonexistent/plaid.yml", "The input"));

            Assert.That(exception!.Message, Is.EqualTo("The input '/nonexistent/plaid.yml' does not exist."));
        }
    }
}
