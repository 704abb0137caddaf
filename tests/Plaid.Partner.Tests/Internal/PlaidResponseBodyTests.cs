using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    /// <summary>
    /// PlaidPartnerOptions.MaxResponseBodyBytes, through the public client: an answer longer than the limit ends as
    /// PlaidApiException with its status, for success and error answers alike, without the rest being read or buffered.
    /// </summary>
    public class PlaidResponseBodyTests
    {
        private const int Limit = PlaidPartnerOptions.DefaultMaxResponseBodyBytes;
        private const long SixtyFourMegabytes = 64L * 1024 * 1024;

        [TestCase(HttpStatusCode.OK)]
        [TestCase(HttpStatusCode.InternalServerError)]
        public void A_content_length_over_the_limit_is_refused_before_a_byte_is_read(HttpStatusCode status)
        {
            var body = new GeneratedBody(SixtyFourMegabytes, declareLength: true);
            var client = Client(body, status);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("id"));

            Assert.Multiple(() =>
            {
                Assert.That(exception!.StatusCode, Is.EqualTo(status));
                Assert.That(
                    exception.Message,
                    Does.Contain(PlaidOperations.GetPath).And.Contain($"over {Limit} bytes")
                        .And.Contain($"Content-Length {SixtyFourMegabytes}").And.Contain("PlaidPartnerOptions.MaxResponseBodyBytes"));
                Assert.That(exception.ResponseBodySnippet, Is.Null);
                Assert.That(body.Served, Is.Zero);
            });
        }

        [TestCase(HttpStatusCode.OK)]
        [TestCase(HttpStatusCode.BadRequest)]
        public void A_chunked_body_of_64_MB_is_abandoned_at_the_limit_and_allocates_a_small_multiple_of_it(HttpStatusCode status)
        {
            // Statics, pools and the JIT warmed on a small answer (unterminated JSON too), so the measured call counts its own allocations only.
            Assert.ThrowsAsync<PlaidApiException>(() => Client(new GeneratedBody(4096, declareLength: false), status).GetEndCustomerAsync("warm-up"));
            var body = new GeneratedBody(SixtyFourMegabytes, declareLength: false);
            var client = Client(body, status);

            var before = GC.GetTotalAllocatedBytes(precise: true);
            var exception = Assert.ThrowsAsync<PlaidApiException>(() => client.GetEndCustomerAsync("id"));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            TestContext.Out.WriteLine($"HTTP {(int)status}, 64 MiB chunked: {body.Served} bytes read, {allocated} bytes allocated (limit {Limit})");

            Assert.Multiple(() =>
            {
                Assert.That(exception!.StatusCode, Is.EqualTo(status));
                Assert.That(exception.Message, Does.Contain($"over {Limit} bytes").And.Contain("PlaidPartnerOptions.MaxResponseBodyBytes").And.Not.Contain("Content-Length"));
                Assert.That(body.Served, Is.LessThanOrEqualTo(2L * Limit), "read no further than about the limit");
                Assert.That(allocated, Is.LessThan(3L * Limit), $"allocated {allocated} bytes for a {SixtyFourMegabytes}-byte answer");
            });
        }

        [TestCase(true)]
        [TestCase(false)]
        public async Task A_body_exactly_as_long_as_the_limit_is_read_and_one_byte_more_is_not(bool declareLength)
        {
            var seed = Encoding.UTF8.GetBytes(PlaidExampleResponses.GetResponse);

            var atLimit = Client(new FixedBody(seed, declareLength), HttpStatusCode.OK, seed.Length);
            var underLimit = Client(new FixedBody(seed, declareLength), HttpStatusCode.OK, seed.Length - 1);

            await Assert.ThatAsync(async () => (await atLimit.GetEndCustomerAsync("id")).RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
            Assert.That(Assert.ThrowsAsync<PlaidApiException>(() => underLimit.GetEndCustomerAsync("id"))!.Message, Does.Contain($"over {seed.Length - 1} bytes"));
        }

        [TestCaseSource(typeof(EndpointCase), nameof(EndpointCase.All))]
        public void Every_operation_refuses_an_answer_over_the_limit(EndpointCase endpoint)
        {
            var body = new GeneratedBody(Limit + 1L, declareLength: false);
            var client = Client(body, HttpStatusCode.OK);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => endpoint.Call(client));

            Assert.That(exception!.Message, Does.Contain(endpoint.Path).And.Contain("PlaidPartnerOptions.MaxResponseBodyBytes"));
        }

        [Test]
        public async Task A_body_with_a_byte_order_mark_and_no_length_is_read()
        {
            var body = Encoding.UTF8.GetBytes("\uFEFF" + PlaidExampleResponses.RemoveResponse);

            var client = Client(new FixedBody(body, declareLength: false), HttpStatusCode.OK);

            await Assert.ThatAsync(async () => (await client.RemoveEndCustomerAsync("id")).RequestId, Is.EqualTo("4zlKapIkTm8p5KM"));
        }

        [Test]
        public void A_connection_lost_in_the_middle_of_a_body_is_a_transport_failure()
        {
            var client = Client(new BrokenBody(), HttpStatusCode.OK);

            var exception = Assert.ThrowsAsync<HttpRequestException>(() => client.GetEndCustomerAsync("id"));

            Assert.That(exception!.InnerException, Is.InstanceOf<IOException>());
        }

        private static PlaidPartnerClient Client(HttpContent body, HttpStatusCode status, int maxResponseBodyBytes = Limit)
        {
            var options = new PlaidPartnerOptions { ClientId = MockPlaid.ClientId, Secret = MockPlaid.Secret, Environment = PlaidEnvironment.Production, MaxResponseBodyBytes = maxResponseBodyBytes };
            options.Retry.MaxRetryAttempts = 0;
            return new PlaidPartnerClient(new HttpClient(new OneAnswer(status, body)), options);
        }

        /// <summary>Answers every request with the same status and content.</summary>
        private sealed class OneAnswer : HttpMessageHandler
        {
            private readonly HttpStatusCode _status;
            private readonly HttpContent _content;

            public OneAnswer(HttpStatusCode status, HttpContent content)
            {
                _status = status;
                _content = content;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(_status) { Content = _content, RequestMessage = request });
        }

        /// <summary>A body whose connection drops after its first bytes.</summary>
        private sealed class BrokenBody : HttpContent
        {
            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

            protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new BrokenStream());

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }

            private sealed class BrokenStream : MemoryStream
            {
                private bool _started;

                public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                    new(ReadOne(buffer.Span));

                // The netstandard2.0 build reads through the array overload (it has no Memory one on Stream).
                public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                    Task.FromResult(ReadOne(buffer.AsSpan(offset, count)));

                private int ReadOne(Span<byte> buffer)
                {
                    if (_started)
                    {
                        throw new IOException("The response ended prematurely (test).");
                    }

                    _started = true;
                    buffer[0] = (byte)'{';
                    return 1;
                }
            }
        }

        /// <summary>Fixed bytes, with or without a Content-Length.</summary>
        private sealed class FixedBody : HttpContent
        {
            private readonly byte[] _bytes;
            private readonly bool _declareLength;

            public FixedBody(byte[] bytes, bool declareLength)
            {
                _bytes = bytes;
                _declareLength = declareLength;
                Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes, 0, _bytes.Length);

            protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_bytes, writable: false));

            protected override bool TryComputeLength(out long length)
            {
                length = _bytes.Length;
                return _declareLength;
            }
        }
    }
}
