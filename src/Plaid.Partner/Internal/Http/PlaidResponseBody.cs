using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// One response body, read whole into a pooled buffer but never past <see cref="PlaidPartnerOptions.MaxResponseBodyBytes"/>
    /// (<see cref="CappedBodyReader"/>). Dispose it to give the buffer back.
    /// </summary>
    /// <remarks>
    /// JSON is read as UTF-8 (RFC 8259, which also says a JSON text has no charset parameter), a UTF-8 byte order mark
    /// skipped. A success body is parsed straight from the bytes, without a string of the whole body.
    /// </remarks>
    internal readonly struct PlaidResponseBody : IDisposable
    {
        private static readonly byte[] Utf8Preamble = { 0xEF, 0xBB, 0xBF };

        private readonly byte[]? _buffer;
        private readonly int _start;
        private readonly int _length;

        private PlaidResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _start = length >= Utf8Preamble.Length && buffer.AsSpan(0, Utf8Preamble.Length).SequenceEqual(Utf8Preamble) ? Utf8Preamble.Length : 0;
            _length = length - _start;
        }

        /// <summary>Reads the body of <paramref name="response"/>, or throws <see cref="PlaidResponseTooLargeException"/>.</summary>
        public static async ValueTask<PlaidResponseBody> ReadAsync(
            HttpResponseMessage response,
            IReadOnlyDictionary<string, IEnumerable<string>> headers,
            int maxBytes,
            CancellationToken cancellationToken)
        {
            var content = response.Content;
            var declared = content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw new PlaidResponseTooLargeException((int)response.StatusCode, headers, maxBytes, declared);
            }

            try
            {
                var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var body = await CappedBodyReader.ReadAsync(stream, declared, maxBytes, cancellationToken).ConfigureAwait(false);
                return body is { } read
                    ? new PlaidResponseBody(read.Buffer, read.Length)
                    : throw new PlaidResponseTooLargeException((int)response.StatusCode, headers, maxBytes, declared);
            }
            catch (IOException e)
            {
                // The connection failed mid-body: a transport failure, as HttpClient reports one when it reads a body itself.
                throw new HttpRequestException($"The connection failed while the response body was read: {e.Message}", e);
            }
        }

        /// <summary>The body as text (UTF-8), for error bodies and messages.</summary>
        public string ToText() => _length == 0 ? string.Empty : Encoding.UTF8.GetString(_buffer!, _start, _length);

        /// <summary>
        /// The body as <typeparamref name="T"/>: decoded into a pooled character buffer and read from there, with
        /// Newtonsoft.Json's own buffer pooled too. Throws <see cref="JsonException"/> for a body that is not one.
        /// </summary>
        public T? Deserialize<T>(JsonSerializer serializer)
        {
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_length));
            try
            {
                var count = Encoding.UTF8.GetChars(_buffer!, _start, _length, chars, 0);
                using var reader = new JsonTextReader(new CharBufferReader(chars, count)) { ArrayPool = JsonCharArrayPool.Instance };
                return serializer.Deserialize<T>(reader);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }
    }
}
