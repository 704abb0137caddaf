using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Plaid.Partner.Internal;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Reads a request body exactly, up to a cap, without model binding, buffering middleware or decoding: the
    /// signature covers the raw bytes. The reading is the core's capped reader (<see cref="CappedBodyReader"/>): a declared
    /// <c>Content-Length</c> over the cap is refused before reading; a chunked body is counted as it arrives and refused as
    /// soon as it passes the cap, without reading the rest.
    /// </summary>
    internal static class WebhookBodyReader
    {
        /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
        public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        {
            if (await CappedBodyReader.ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false) is not { } body)
            {
                return null;
            }

            try
            {
                return body.Buffer.AsSpan(0, body.Length).ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }
    }
}
