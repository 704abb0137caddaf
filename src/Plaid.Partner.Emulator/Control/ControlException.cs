using System;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>A control request the emulator refuses; the control endpoint answers with <see cref="Status"/> and the message.</summary>
    internal sealed class ControlException : Exception
    {
        public ControlException(int status, string message)
            : base(message)
        {
            Status = status;
        }

        public int Status { get; }
    }
}
