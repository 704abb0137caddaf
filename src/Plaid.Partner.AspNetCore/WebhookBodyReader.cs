using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Plaid.Partner.AspNetCore
{
    /// <summary>
    /// Reads a request body exactly, up to a cap, without model binding, buffering middleware or decoding: the
    /// signature covers the raw bytes. A declared <c>Content-Length</c> over the cap is refused before reading; a chunked
    /// body is counted as it arrives and refused as soon as it passes the cap, without reading the rest.
    /// </summary>
    internal static class WebhookBodyReader
    {
        private const int FirstChunk = 4096;

        /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/>.</returns>
        public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        {
            var declared = request.ContentLength;
            if (declared > maxBytes)
            {
                return null;
            }

            // One more byte than allowed shows an over-long body without reading further.
            var buffer = new byte[declared is long length ? (int)length + 1 : Math.Min(FirstChunk, maxBytes + 1)];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        return null;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > maxBytes)
            {
                return null;
            }

            Array.Resize(ref buffer, total);
            return buffer;
        }
    }
}
