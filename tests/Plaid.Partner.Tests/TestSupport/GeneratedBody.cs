using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// A response body of any length that is made as it is read and never held: a JSON object that opens a string and
    /// fills it with <c>x</c>. It counts the bytes the client pulled, and declares its length only when asked to, so both
    /// a Content-Length answer and a chunked one can be played.
    /// </summary>
    internal sealed class GeneratedBody : HttpContent
    {
        private static readonly byte[] Opening = Encoding.UTF8.GetBytes("{\"end_customer\":{\"company_name\":\"");

        private readonly long _length;
        private readonly bool _declareLength;
        private long _served;

        public GeneratedBody(long length, bool declareLength)
        {
            _length = length;
            _declareLength = declareLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        /// <summary>Bytes handed to the reader so far.</summary>
        public long Served => Interlocked.Read(ref _served);

        public static HttpResponseMessage Response(HttpStatusCode status, GeneratedBody body) => new(status) { Content = body };

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("The client must read the body as a stream, not have it copied.");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Reader(this));

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return _declareLength;
        }

        private sealed class Reader : Stream
        {
            private readonly GeneratedBody _body;
            private long _position;

            public Reader(GeneratedBody body) => _body = body;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                var count = (int)Math.Min(buffer.Length, _body._length - _position);
                for (var i = 0; i < count; i++)
                {
                    var at = _position + i;
                    buffer[i] = at < Opening.Length ? Opening[at] : (byte)'x';
                }

                _position += count;
                Interlocked.Add(ref _body._served, count);
                return count;
            }

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                ValueTask.FromResult(Read(buffer.Span));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer.AsSpan(offset, count)));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
