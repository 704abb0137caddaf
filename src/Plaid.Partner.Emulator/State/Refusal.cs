namespace Plaid.Partner.Emulator.State
{
    /// <summary>Why the state refused a control change; the HTTP layer maps the kind to 404, 409 or 400.</summary>
    internal sealed record Refusal(RefusalKind Kind, string Message);

    /// <summary>What kind of refusal: nothing by that id, a move the state does not allow, or input it cannot use.</summary>
    internal enum RefusalKind
    {
        NotFound,
        Conflict,
        Invalid,
    }

    /// <summary>What a control change of the state produced: a value (which may be null: nothing changed), or a refusal.</summary>
    internal readonly record struct ControlOutcome<T>(T? Value, Refusal? Refusal)
    {
        public static implicit operator ControlOutcome<T>(T value) => new(value, null);

        public static implicit operator ControlOutcome<T>(Refusal refusal) => new(default, refusal);
    }
}
