using System;
using System.Buffers.Binary;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>The start of a PNG (signature and IHDR chunk) with a chosen size: all the emulator's logo check reads.</summary>
    internal static class PngHeader
    {
        public static string Base64(int width, int height)
        {
            var png = new byte[33];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
            "IHDR"u8.CopyTo(png.AsSpan(12));
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), (uint)width);
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), (uint)height);
            png[24] = 8; // bit depth
            png[25] = 6; // RGBA
            return Convert.ToBase64String(png);
        }
    }
}
