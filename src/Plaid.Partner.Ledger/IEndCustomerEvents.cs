namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// Told about each change the ledger records (status, OAuth status, a registration flagged stuck, requirements due),
    /// once per change and only after it is stored. Several may be registered in DI; each is called in turn. A handler
    /// that throws is logged and does not undo the change or stop the others.
    /// </summary>
    public interface IEndCustomerEvents
    {
        /// <summary>Handles one recorded change.</summary>
        /// <param name="change">What changed.</param>
        /// <param name="cancellationToken">Cancels the handling (the change stays recorded).</param>
        /// <returns>A task that completes when the change is handled.</returns>
        Task OnChangedAsync(EndCustomerEvent change, CancellationToken cancellationToken);
    }
}
