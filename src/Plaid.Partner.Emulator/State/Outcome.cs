using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>What a Plaid operation on the store produced: a value, or the Plaid error to answer with.</summary>
    internal readonly record struct Outcome<T>(T? Value, PlaidErrorSpec? Error)
    {
        public static implicit operator Outcome<T>(T value) => new(value, null);

        public static implicit operator Outcome<T>(PlaidErrorSpec error) => new(default, error);
    }
}
