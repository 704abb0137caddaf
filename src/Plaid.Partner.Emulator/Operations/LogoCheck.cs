using System;
using System.Buffers.Binary;

namespace Plaid.Partner.Emulator.Operations
{
    /// <summary>
    /// The create request's logo rule (Plaid API docs, Partner › /partner/customer/create): base64 of a PNG, 1024x1024, under 4 MB. Only the PNG signature and
    /// the IHDR width and height are read; the image is not decoded.
    /// </summary>
    internal static class LogoCheck
    {
        private const int MaxBytes = 4 * 1024 * 1024;
        private const int Side = 1024;
        private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        public static bool IsValid(string base64)
        {
            var buffer = new byte[base64.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(base64, buffer, out var length) || length >= MaxBytes || length < 24)
            {
                return false;
            }

            var png = buffer.AsSpan(0, length);
            return png.StartsWith(Signature)
                && png.Slice(12, 4).SequenceEqual("IHDR"u8)
                && BinaryPrimitives.ReadUInt32BigEndian(png.Slice(16, 4)) == Side
                && BinaryPrimitives.ReadUInt32BigEndian(png.Slice(20, 4)) == Side;
        }
    }
}
