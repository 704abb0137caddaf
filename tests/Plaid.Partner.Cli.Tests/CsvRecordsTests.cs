using System.IO;
using System.Linq;
using NUnit.Framework;
using Plaid.Partner.Cli.Input;

namespace Plaid.Partner.Cli.Tests
{
    public class CsvRecordsTests
    {
        [Test]
        public void Quoted_fields_keep_commas_line_breaks_and_doubled_quotes()
        {
            var records = CsvRecords.Read(new StringReader("a,\"b, c\",\"d\r\ne\",\"say \"\"hi\"\"\"\r\nx,y,z,w")).ToList();

            Assert.That(records.Select(r => r.Fields), Is.EqualTo(new[] { new[] { "a", "b, c", "d\r\ne", "say \"hi\"" }, new[] { "x", "y", "z", "w" } }));
            Assert.That(records.Select(r => r.Unterminated), Has.All.False);
        }

        [Test]
        public void A_quote_never_closed_is_reported()
        {
            var records = CsvRecords.Read(new StringReader("a,\"b\nc")).ToList();

            Assert.That(records.Single().Unterminated, Is.True);
        }
    }
}
