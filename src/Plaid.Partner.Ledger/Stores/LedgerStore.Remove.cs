namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// Removal: the record of an end customer Plaid removed keeps everything it knew, gains the time of the removal, and
    /// leaves the refresh, the reconciler and the stuck list.
    /// </summary>
    internal abstract partial class LedgerStore
    {
        /// <summary>
        /// Records that Plaid removed the end customer holding <paramref name="clientId"/> under <paramref name="reference"/>:
        /// its removal time, no lease, no stuck flags (a removed end customer has nothing to chase). Returns the record, or
        /// null when the reference no longer holds that client_id or was removed already. Flushed before it returns, like a
        /// settle: an operator's action, which the operator reads back at once.
        /// </summary>
        public Task<EndCustomerRecord?> RecordRemovedAsync(string reference, string clientId, long now, CancellationToken cancellationToken) =>
            WriteAsync("record the removal", flush: true, async (connection, transaction, ct) =>
            {
                EndCustomerRecord? record;
                using (var update = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET removed_at = @now, updated_at = @now, lease_owner = NULL, lease_until = NULL " +
                    $"WHERE reference = @reference AND client_id = @client_id AND removed_at IS NULL RETURNING {RecordReader.Columns}"))
                {
                    AddText(update, "@reference", reference);
                    AddText(update, "@client_id", clientId);
                    AddLong(update, "@now", now);
                    record = await SingleAsync(update, ct).ConfigureAwait(false);
                }

                if (record is not null)
                {
                    using var clear = Command(
                        connection,
                        transaction,
                        $"UPDATE plaid_end_customer_oauth SET {ClearStuck} WHERE reference = @reference AND stuck_at IS NOT NULL");
                    AddText(clear, "@reference", reference);
                    await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return record;
            }, cancellationToken);
    }
}
