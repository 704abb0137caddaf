namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// A row that passed every check: the partner's reference and the create request built from it, for Plaid's create
    /// (<see cref="Request"/>) or, in a row whose <c>api</c> is <c>beta</c>, for the beta create (<see cref="BetaRequest"/>).
    /// </summary>
    internal sealed record ValidRow(int Row, string Reference, PartnerCustomerCreateRequest? Request, BetaPartnerCustomerV1CreateRequest? BetaRequest);
}
