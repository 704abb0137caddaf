using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// A request's JSON body, as the generated client sends it (openapi/templates/Client.Class.liquid): written by one
    /// cached serializer into a pooled character buffer, then encoded once into a byte array of exactly its length, with
    /// <c>application/json; charset=utf-8</c>. The stock template builds a string of the body through a StringBuilder
    /// and a new serializer per call, and then the bytes from the string.
    /// </summary>
    internal static class PlaidRequestBody
    {
        public static ByteArrayContent Create(object body, JsonSerializer serializer)
        {
            using var text = new PooledTextWriter();
            using (var json = new JsonTextWriter(text) { ArrayPool = JsonCharArrayPool.Instance, CloseOutput = false, Formatting = serializer.Formatting })
            {
                serializer.Serialize(json, body);
            }

            // The bytes are not pooled: the request owns them until the transport is done with it, which the caller cannot see.
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.Buffer, 0, text.Length));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        /// <summary>A TextWriter into a pooled, growing character buffer; Dispose gives the buffer back.</summary>
        private sealed class PooledTextWriter : TextWriter
        {
            public PooledTextWriter()
                : base(System.Globalization.CultureInfo.InvariantCulture)
            {
                Buffer = ArrayPool<char>.Shared.Rent(1024);
            }

            public char[] Buffer { get; private set; }

            public int Length { get; private set; }

            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value)
            {
                Reserve(1);
                Buffer[Length++] = value;
            }

            public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

#if !NETSTANDARD2_0
            // netstandard2.0's TextWriter has no span overload to override.
            public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);
#endif

            public override void Write(string? value) => Append(value.AsSpan());

            private void Append(ReadOnlySpan<char> buffer)
            {
                Reserve(buffer.Length);
                buffer.CopyTo(Buffer.AsSpan(Length));
                Length += buffer.Length;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing && Buffer.Length > 0)
                {
                    ArrayPool<char>.Shared.Return(Buffer);
                    Buffer = Array.Empty<char>();
                }

                base.Dispose(disposing);
            }

            private void Reserve(int count)
            {
                if (Length + count <= Buffer.Length)
                {
                    return;
                }

                var larger = ArrayPool<char>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + count));
                Buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(Buffer);
                Buffer = larger;
            }
        }
    }
}
