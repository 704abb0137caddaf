using System;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>The input, the overlay or the result is not something the slicer can write; the message says what and where.</summary>
    internal sealed class SpecSliceException : Exception
    {
        public SpecSliceException(string message)
            : base(message)
        {
        }

        public SpecSliceException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
