using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Plaid.Partner.AspNetCore.Tests
{
    /// <summary>The body is read byte for byte, however it arrives, and refused as soon as it passes the cap.</summary>
    public class WebhookBodyReaderTests
    {
        [TestCase(0, null)]
        [TestCase(1, null)]
        [TestCase(300, 300L)]
        [TestCase(4096, null)]
        [TestCase(10_000, null)]
        [TestCase(65_536, null)]
        [TestCase(65_536, 65_536L)]
        public async Task A_body_within_the_cap_is_read_exactly_in_small_chunks(int length, long? contentLength)
        {
            var body = new byte[length];
            new Random(length).NextBytes(body);
            var request = Request(new TrickleStream(body, chunk: 7), contentLength);

            var read = await WebhookBodyReader.ReadAsync(request, 65_536, CancellationToken.None);

            Assert.That(read, Is.EqualTo(body));
        }

        [Test]
        public async Task A_body_one_byte_over_the_cap_is_refused_after_reading_at_most_one_byte_more()
        {
            var stream = new TrickleStream(new byte[100_000], chunk: 1000);

            var read = await WebhookBodyReader.ReadAsync(Request(stream, contentLength: null), 65_536, CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(read, Is.Null);
                Assert.That(stream.Position, Is.EqualTo(65_537));
            });
        }

        [Test]
        public async Task A_declared_length_over_the_cap_is_refused_without_reading()
        {
            var stream = new TrickleStream(new byte[100], chunk: 10);

            var read = await WebhookBodyReader.ReadAsync(Request(stream, contentLength: 65_537), 65_536, CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(read, Is.Null);
                Assert.That(stream.Position, Is.Zero);
            });
        }

        private static HttpRequest Request(Stream body, long? contentLength)
        {
            var context = new DefaultHttpContext();
            context.Request.Body = body;
            context.Request.ContentLength = contentLength;
            return context.Request;
        }

        /// <summary>A body that arrives a few bytes at a time, as a slow sender's would.</summary>
        private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
        {
            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }
}
