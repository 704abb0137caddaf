using System.Text;

namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// RFC 4180 records: comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes; CRLF
    /// or LF ends a record. Small enough to own rather than take a CSV library for one read of a header and its rows.
    /// </summary>
    internal static class CsvRecords
    {
        /// <summary>Each record's fields, and whether a quoted field was left open at the end of the file.</summary>
        public static IEnumerable<(List<string> Fields, bool Unterminated)> Read(TextReader reader)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var sawAnything = false;
            int c;
            while ((c = reader.Read()) != -1)
            {
                sawAnything = true;
                var ch = (char)c;
                if (quoted)
                {
                    if (ch != '"')
                    {
                        field.Append(ch);
                    }
                    else if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }

                    continue;
                }

                switch (ch)
                {
                    case '"':
                        quoted = true;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        break;
                    case '\r':
                        break;
                    case '\n':
                        fields.Add(field.ToString());
                        field.Clear();
                        yield return (fields, false);
                        fields = new List<string>();
                        sawAnything = false;
                        break;
                    default:
                        field.Append(ch);
                        break;
                }
            }

            if (sawAnything || quoted)
            {
                fields.Add(field.ToString());
                yield return (fields, quoted);
            }
        }
    }
}
