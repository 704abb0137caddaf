using System;
using System.IO;

namespace Plaid.Partner.Internal
{
    /// <summary>A <see cref="TextReader"/> over characters already in a buffer (a pooled one), like StringReader over a string.</summary>
    internal sealed class CharBufferReader : TextReader
    {
        private readonly char[] _chars;
        private readonly int _length;
        private int _position;

        public CharBufferReader(char[] chars, int length)
        {
            _chars = chars;
            _length = length;
        }

        public override int Peek() => _position < _length ? _chars[_position] : -1;

        public override int Read() => _position < _length ? _chars[_position++] : -1;

        public override int Read(char[] buffer, int index, int count) => ReadInto(buffer.AsSpan(index, count));

#if !NETSTANDARD2_0
        // netstandard2.0's TextReader has no span overload to override.
        public override int Read(Span<char> buffer) => ReadInto(buffer);
#endif

        private int ReadInto(Span<char> buffer)
        {
            var count = Math.Min(buffer.Length, _length - _position);
            _chars.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
