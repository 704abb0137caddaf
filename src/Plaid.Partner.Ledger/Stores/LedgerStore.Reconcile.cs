namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The reconciler's leases: a round claims the records that are due and not leased, in one statement, so two
    /// instances never claim the same record (PostgreSQL skips the rows another instance is claiming; SQLite writes one
    /// at a time), and releases each with the time it is next due.
    /// </summary>
    internal abstract partial class LedgerStore
    {
        /// <summary>Appended to the due records' sub-select: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>, so claimers pass each other.</summary>
        protected virtual string SkipLocked => string.Empty;

        /// <summary>Leases up to <paramref name="batch"/> due records to <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
        public Task<List<DueRecord>> LeaseDueAsync(string owner, int batch, long now, long leaseUntil, CancellationToken cancellationToken) =>
            WriteAsync("lease records due for a refresh", flush: false, async (connection, transaction, ct) =>
            {
                using var lease = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET lease_owner = @owner, lease_until = @lease_until WHERE reference IN (" +
                    "SELECT reference FROM plaid_end_customers WHERE create_state = 'Created' AND client_id IS NOT NULL AND (status IS NULL OR status <> 'DENIED') AND removed_at IS NULL " +
                    "AND COALESCE(next_refresh_at, 0) <= @now AND COALESCE(lease_until, 0) <= @now " +
                    $"ORDER BY COALESCE(next_refresh_at, 0), reference LIMIT @batch{SkipLocked}) " +
                    "RETURNING reference, api, client_id, status, enabled_at");
                AddText(lease, "@owner", owner);
                AddLong(lease, "@lease_until", leaseUntil);
                AddLong(lease, "@now", now);
                AddInt(lease, "@batch", batch);
                var due = new List<DueRecord>();
                using (var reader = await lease.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        due.Add(new DueRecord(
                            reader.GetString(0),
                            reader.GetString(1) == "beta" ? OnboardingApi.Beta : OnboardingApi.Ga,
                            reader.GetString(2),
                            RecordReader.Text(reader, 3),
                            reader.IsDBNull(4) ? null : reader.GetInt64(4)));
                    }
                }

                return due;
            }, cancellationToken);

        /// <summary>Ends <paramref name="owner"/>'s lease on a record and sets when it is next due.</summary>
        public Task ReleaseAsync(string reference, string owner, long nextRefreshAt, CancellationToken cancellationToken) =>
            WriteAsync("release a refreshed record", flush: false, async (connection, transaction, ct) =>
            {
                using var release = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET lease_owner = NULL, lease_until = NULL, next_refresh_at = @next WHERE reference = @reference AND lease_owner = @owner");
                AddText(release, "@reference", reference);
                AddText(release, "@owner", owner);
                AddLong(release, "@next", nextRefreshAt);
                return await release.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }, cancellationToken);
    }
}
