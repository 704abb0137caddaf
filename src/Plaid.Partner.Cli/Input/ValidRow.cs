namespace Plaid.Partner.Cli.Input
{
    /// <summary>A row that passed every check: the partner's reference and the create request built from it.</summary>
    internal sealed record ValidRow(int Row, string Reference, PartnerCustomerCreateRequest Request);
}
