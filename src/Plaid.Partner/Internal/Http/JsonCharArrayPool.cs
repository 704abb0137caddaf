using System.Buffers;
using Newtonsoft.Json;

namespace Plaid.Partner.Internal
{
    /// <summary>Lends Newtonsoft.Json's readers their character buffers from <see cref="ArrayPool{T}.Shared"/> instead of allocating one per body.</summary>
    internal sealed class JsonCharArrayPool : IArrayPool<char>
    {
        public static readonly JsonCharArrayPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
