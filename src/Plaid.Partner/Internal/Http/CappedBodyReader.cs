using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Reads a whole body into a pooled buffer but never past a cap: the one reader behind the client's responses
    /// (<see cref="PlaidResponseBody"/>) and the ASP.NET Core webhook endpoint's requests. A declared length over the cap is
    /// refused before anything is read; a body without one is counted as it arrives and abandoned as soon as it passes the
    /// cap, without reading the rest.
    /// </summary>
    internal static class CappedBodyReader
    {
        // Plaid's bodies are a few kilobytes; a body with no declared length starts here and doubles.
        private const int InitialBufferSize = 16 * 1024;

        /// <returns>
        /// The body in a buffer from <see cref="ArrayPool{T}.Shared"/> (give it back when done), or null when it is longer
        /// than <paramref name="maxBytes"/>.
        /// </returns>
        public static async ValueTask<(byte[] Buffer, int Length)?> ReadAsync(Stream stream, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
        {
            if (declaredLength > maxBytes)
            {
                return null;
            }

            // Room for one byte more than declared, so the end is seen without growing; but never more than the cap: a body
            // that fills the cap is probed for one more byte instead (EndsAtCapAsync).
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declaredLength + 1 ?? InitialBufferSize, maxBytes));
            var read = 0;
            var whole = false;
            try
            {
                while (!whole)
                {
                    if (read == buffer.Length)
                    {
                        if (read >= maxBytes)
                        {
                            if (!await EndsAtCapAsync(stream, cancellationToken).ConfigureAwait(false))
                            {
                                return null;
                            }

                            whole = true;
                            break;
                        }

                        buffer = Grow(buffer, maxBytes);
                    }

                    var count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                    whole = count == 0;
                    read += count;
                    if (read > maxBytes)
                    {
                        // The pool may hand out more room than asked for, so the cap is checked, not the buffer's end.
                        return null;
                    }
                }

                return (buffer, read);
            }
            finally
            {
                if (!whole)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        // Doubles, up to the cap.
        private static byte[] Grow(byte[] buffer, int maxBytes)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes));
            buffer.AsSpan().CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            return larger;
        }

        // A body exactly as long as the cap is allowed; one byte more is not.
        private static async ValueTask<bool> EndsAtCapAsync(Stream stream, CancellationToken cancellationToken) =>
            await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) == 0;
    }
}
