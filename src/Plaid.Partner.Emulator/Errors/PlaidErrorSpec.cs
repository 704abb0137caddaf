namespace Plaid.Partner.Emulator.Errors
{
    /// <summary>One documented Plaid error: the HTTP status and the PlaidError fields the emulator answers with.</summary>
    internal sealed record PlaidErrorSpec(int Status, string ErrorType, string ErrorCode, string ErrorMessage);
}
