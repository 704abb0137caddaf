namespace Plaid.Partner.Emulator.Faults
{
    /// <summary>A fault in effect on <see cref="Path"/>, catching <see cref="Remaining"/> more requests (null: every one until cleared).</summary>
    internal readonly record struct ActiveFault(string Path, EmulatorFault Fault, int? Remaining);
}
