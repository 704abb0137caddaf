namespace Plaid.Partner.Internal
{
    /// <summary>Every Plaid response carries a request id; the generated response models implement this through partials.</summary>
    internal interface IPlaidResponse
    {
        string? RequestId { get; }
    }
}
