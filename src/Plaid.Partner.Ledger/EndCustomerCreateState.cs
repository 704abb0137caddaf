namespace Plaid.Partner.Ledger
{
    /// <summary>
    /// Where the ledger's own create of an end customer stands. Plaid's create (<c>/partner/customer/create</c> and the
    /// beta create) is billable and takes no idempotency key, so the ledger sends it at most once per reference and keeps
    /// this state to know whether it may go again.
    /// </summary>
    public enum EndCustomerCreateState
    {
        /// <summary>
        /// The intent is recorded and the create may be on its way. A pending record older than
        /// <see cref="EndCustomerLedgerOptions.InFlightTimeout"/> is treated as <see cref="InDoubt"/> (its process may have died).
        /// </summary>
        Pending = 0,

        /// <summary>Plaid created the end customer; <see cref="EndCustomerRecord.ClientId"/> is its <c>client_id</c>.</summary>
        Created = 1,

        /// <summary>Plaid refused the create (a 4xx with a Plaid error, in <see cref="EndCustomerRecord.LastError"/>); a corrected request may be sent again.</summary>
        Refused = 2,

        /// <summary>The create never left this machine (the connection was refused, for instance); it may be sent again.</summary>
        NotSent = 3,

        /// <summary>
        /// The create may or may not have reached Plaid (a timeout, a connection lost after sending, a killed process). It is
        /// never sent again by itself: an operator looks in Plaid's Dashboard and settles it with
        /// <see cref="EndCustomerLedger.SettleAsCreatedAsync"/> or <see cref="EndCustomerLedger.SettleAsNotCreatedAsync"/>.
        /// </summary>
        InDoubt = 4,

        /// <summary>An operator declared that Plaid has no such end customer; the create may be sent again.</summary>
        NotCreated = 5,
    }
}
